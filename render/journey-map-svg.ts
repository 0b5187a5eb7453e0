import {
    allSteps,
    displayName,
    stepTitleOf,
    stepTitles,
    type ChannelKind,
    type JourneyMapModel,
    type JourneyModel,
    type MetricModel,
    type MetricValueModel,
    type PersonaModel,
    type StageMetricModel,
    type StepModel
} from '../model/journey-model.js';
import { confidenceLabel } from '../model/confidence-label.js';
import { opportunityChips, opportunitiesOfStep } from '../model/step-opportunities.js';
import { drawEmotionLane } from './emotion-curve.js';
import { personaShapesOf } from './persona-view.js';
import { columnsOf, layout, narrowestMap, rowsOf, stepLabel, type Column } from './map-layout.js';
import type { MapTheme } from './map-theme.js';
import { svgDocument } from './svg-document.js';
import { element, num, text, textLines } from './svg.js';
import { wrapText } from './text-wrap.js';
import {
    formatAggregation,
    formatMeasuredValue,
    formatMetricValue,
    formatTarget,
    formatTrend,
    statusWord,
    trendOf
} from '../metrics/metric-format.js';
import { t } from '../model/localisation.js';
import { shareOf } from '../model/observed-paths.js';
import { fitnessSentence, percentText, splitSentences } from '../paths/path-sentences.js';
import { defaultMapLanes, type MapLane } from '../model/view-registry.js';
import { blueprintCell, detailBadge, rolledUpPainNote } from './map-lane-cells.js';
import { focusCss } from './focus-css.js';

export interface MapRenderOptions {
    theme?: MapTheme;
    /** Prefix for element ids, so that several maps can live on one page. */
    idPrefix?: string;
    /**
     * Fit the map to this many pixels: stages wrap into rows (and a stage wider than a row wraps
     * its steps) instead of one strip. None: one strip, as wide as the journey.
     */
    width?: number;
    /** The lanes to draw, in this order (a named view's `lanes`); none: the map's own (`defaultMapLanes`). */
    lanes?: readonly MapLane[];
    /** Steps brought to the front (a story's slide, the steps a change touched): the others are dimmed. */
    focus?: readonly string[];
    /** The live preview's map, where a writer adds lines: the lanes of pains, touchpoints and opportunities stay. */
    addable?: boolean;
}

interface Cell {
    height: number;
    /** Draws the cell at (x, y); `laneHeight` is the room the lane gives every cell, so cards line up. */
    draw: (x: number, y: number, laneHeight: number) => string;
}

interface Lane {
    /** The emotion lane is drawn as one curve, not cell by cell. */
    kind: 'cells' | 'emotion';
    label: string;
    /** What a reader needs to read the lane (faded boxes: low confidence), under its name. */
    legend?: string;
    /** The line a step's cell of this lane lists (`pain "…"`): the preview adds one there. */
    lists?: 'pain' | 'touchpoint' | 'opportunity';
    cell: (step: StepModel) => Cell | undefined;
}

/**
 * The journey map as SVG: persona cards, stage bands, then one lane per aspect (steps,
 * channels and touchpoints, the emotion curve, pain points, opportunities, metrics) with
 * one column per step. Pure and deterministic: same model, same bytes.
 */
export function renderJourneyMapSvg(model: JourneyModel, journeyName?: string, options: MapRenderOptions = {}): string {
    const journey = model.journeys.find(j => j.name === journeyName) ?? model.journeys[0];
    const id = options.idPrefix ?? 'jm';
    if (!journey) {
        return svgDocument(480, 120, id, t('No journey'), t('This file declares no journey.'), options.theme ?? 'auto',
            text(t('This file declares no journey yet.'), { x: layout.pad, y: 64, class: 'body muted' }));
    }
    const columns = columnsOf(journey);
    const stripWidth = Math.max(
        layout.pad * 2 + layout.labelWidth + columns.length * (layout.column + layout.gap) - layout.gap,
        layout.pad * 2 + Math.max(1, journey.personas.length) * (layout.personaWidth + layout.gap)
    );
    const width =
        options.width === undefined
            ? stripWidth
            : Math.max(narrowestMap, Math.min(stripWidth, Math.floor(options.width)));
    const rows = options.width === undefined ? [columns] : rowsOf(columns, width);
    const parts: string[] = [];
    let y = layout.pad;
    const header = drawHeader(journey, model, y, width - 2 * layout.pad);
    parts.push(header.svg);
    y += header.height;
    const personas = journey.personas
        .map(name => model.personas.find(p => p.name === name))
        .filter((p): p is PersonaModel => p !== undefined);
    if (personas.length > 0) {
        // Persona cards wrap too, as many in a row as the width holds.
        const perRow = Math.max(
            1,
            Math.floor((width - 2 * layout.pad + layout.gap) / (layout.personaWidth + layout.gap))
        );
        const cards = personas.map(persona => personaCard(persona));
        const height = Math.max(...cards.map(card => card.height));
        cards.forEach((card, index) =>
            parts.push(
                card.draw(
                    layout.pad + (index % perRow) * (layout.personaWidth + layout.gap),
                    y + Math.floor(index / perRow) * (height + layout.gap),
                    height
                )
            )
        );
        y += Math.ceil(cards.length / perRow) * (height + layout.gap) - layout.gap + 20;
    }
    const chosen = options.lanes ?? defaultMapLanes;
    const lanes = lanesFor(journey, model, chosen, options.addable ?? false);
    rows.forEach((row, index) => {
        if (index > 0) y += 28; // room between rows, so each reads as a part of the journey
        if (chosen.includes('stages')) {
            const stageRow = drawStageRow(journey, row, y, model.metrics);
            parts.push(stageRow.svg);
            y += stageRow.height + 8;
        }
        // A lane with nothing in this row of a wrapped map is left out of the row. Each cell is
        // laid out once: the same cells tell whether the lane is in the row and are drawn.
        const inRow = lanes
            .map(lane => ({
                lane,
                cells: lane.kind === 'emotion' ? undefined : row.map(column => column.step && lane.cell(column.step))
            }))
            .filter(({ lane, cells }) =>
                cells
                    ? cells.some(Boolean) || (options.addable && lane.lists)
                    : row.some(column => column.step && hasEmotion(column.step))
            );
        const shownLanes = inRow.length > 0 || lanes.length === 0 ? inRow : [{ lane: lanes[0], cells: undefined }];
        for (const { lane, cells } of shownLanes) {
            const drawn =
                lane.kind === 'emotion'
                    ? drawEmotionLane(journey, row, y, width, index === 0 ? id : `${id}-row${index}`)
                    : drawLane(lane, row, y, width, cells);
            parts.push(drawn.svg);
            y += drawn.height;
        }
    });
    const height = y + layout.pad;
    const theme = options.theme ?? 'auto';
    const description = describe(journey, personas);
    const focus = focusCss(options.focus);
    return svgDocument(width, height, id, displayName(journey), description, theme, parts.join(''), focus);
}


function hasEmotion(step: StepModel): boolean {
    return step.emotion !== undefined || step.measuredEmotion !== undefined || (step.personaEmotions?.length ?? 0) > 0
        || step.detailSummary?.rolledUpEmotion !== undefined;
}

function describe(journey: JourneyMapModel, personas: PersonaModel[]): string {
    const steps = allSteps(journey);
    const scores = steps.flatMap(step => step.emotion ? [step.emotion.score] : []);
    const counts = { title: displayName(journey), stages: journey.stages.length, steps: steps.length };
    const summary =
        personas.length > 0
            ? t('Customer journey map of {title} for {personas}: {stages} stages, {steps} steps.', {
                  ...counts,
                  personas: personas.map(displayName).join(', ')
              })
            : t('Customer journey map of {title}: {stages} stages, {steps} steps.', counts);
    if (scores.length === 0) return summary;
    const scale = journey.emotionScale;
    return `${summary} ${t('Emotion from {low} to {high} on a scale of {min} to {max}.', { low: Math.min(...scores), high: Math.max(...scores), min: scale.min, max: scale.max })}`;
}

/** The title, wrapped to the map's width (never clipped at its edge), and a line of counts and personas. */
function drawHeader(
    journey: JourneyMapModel,
    model: JourneyModel,
    y: number,
    width: number
): { svg: string; height: number } {
    const steps = allSteps(journey);
    const personaNames = journey.personas.map(name =>
        displayName(model.personas.find(p => p.name === name) ?? { name })
    );
    const paths = journey.observedPaths?.paths;
    const observed = paths ? [fitnessSentence(paths)] : [];
    const subtitle = wrapText(
        [
            t('{count} stages', { count: journey.stages.length }),
            t('{count} steps', { count: steps.length }),
            ...personaNames,
            ...observed
        ].join(' · '),
        width,
        13
    );
    const title = wrapText(displayName(journey), width, 20);
    const titleLine = 26;
    // The split of an A/B test, worded with its interval: what the team decides on.
    const split = paths?.split
        ? splitSentences(paths.split, stepTitleOf(journey)).flatMap(sentence => wrapText(sentence, width, 13))
        : [];
    const subtitleTop = y + 22 + title.length * titleLine - 6;
    const svg =
        textLines(title, layout.pad, y + 22, titleLine, { class: 'title' }) +
        textLines(subtitle, layout.pad, subtitleTop, layout.line, { class: 'subtitle muted' }) +
        (split.length > 0
            ? textLines(split, layout.pad, subtitleTop + subtitle.length * layout.line, layout.line, {
                  class: 'subtitle observed split'
              })
            : '');
    return { svg, height: 22 + title.length * titleLine + (subtitle.length + split.length) * layout.line - 6 + 18 };
}

function personaCard(persona: PersonaModel): {
    height: number;
    draw: (x: number, y: number, height: number) => string;
} {
    const inner = layout.personaWidth - 2 * layout.cellPad;
    const blocks: Array<{ lines: string[]; className: string; lineHeight: number; gapBefore: number }> = [
        {
            lines: wrapText(displayName(persona), inner, 14),
            className: 'step-title',
            lineHeight: layout.titleLine,
            gapBefore: 0
        }
    ];
    if (persona.role)
        blocks.push({
            lines: wrapText(persona.role, inner, 12),
            className: 'body muted',
            lineHeight: layout.line,
            gapBefore: 2
        });
    const list = (label: string, items: string[]) => {
        if (items.length === 0) return;
        blocks.push({ lines: [label], className: 'lane-label', lineHeight: layout.line, gapBefore: 8 });
        for (const item of items)
            blocks.push({
                lines: wrapText(`• ${item}`, inner, 12),
                className: 'body',
                lineHeight: layout.line,
                gapBefore: 0
            });
    };
    list(t('GOALS'), persona.goals);
    list(t('FRUSTRATIONS'), persona.frustrations);
    if (persona.quote)
        blocks.push({
            lines: wrapText(`“${persona.quote}”`, inner, 12),
            className: 'body muted',
            lineHeight: layout.line,
            gapBefore: 8
        });
    const contentHeight = blocks.reduce(
        (sum, block) => sum + block.gapBefore + block.lines.length * block.lineHeight,
        0
    );
    return {
        height: contentHeight + 2 * layout.cellPad,
        draw: (x, y, height) => {
            let cursor = y + layout.cellPad + 12;
            const texts = blocks.map(block => {
                cursor += block.gapBefore;
                const svg = textLines(block.lines, x + layout.cellPad, cursor, block.lineHeight, {
                    class: block.className
                });
                cursor += block.lines.length * block.lineHeight;
                return svg;
            });
            return element(
                'g',
                {
                    class: 'persona',
                    'data-persona': persona.name,
                    role: 'group',
                    'aria-label': t('Persona: {name}', { name: displayName(persona) })
                },
                [element('rect', { class: 'card', x, y, width: layout.personaWidth, height, rx: 10 }), ...texts]
            );
        }
    };
}

/** The stage headers: each stage's title, then its metrics aggregated from its steps. */
function drawStageRow(
    journey: JourneyMapModel,
    columns: Column[],
    y: number,
    metrics: MetricModel[]
): { svg: string; height: number } {
    const spans = journey.stages.flatMap((stage, stageIndex) => {
        const own = columns.filter(column => column.stageIndex === stageIndex);
        if (own.length === 0) return []; // a stage drawn in another row of a wrapped map
        const width = own.length * (layout.column + layout.gap) - layout.gap;
        const aggregates = stage.metrics.flatMap(aggregate =>
            wrapText(
                stageMetricText(
                    aggregate,
                    metrics.find(metric => metric.name === aggregate.metric)
                ),
                width - 2 * layout.cellPad,
                11
            )
        );
        return [
            {
                stage,
                stageIndex,
                x: own[0].x,
                width,
                lines: wrapText(displayName(stage), width - 2 * layout.cellPad, 13),
                aggregates
            }
        ];
    });
    const height = Math.max(
        36,
        ...spans.map(
            span =>
                span.lines.length * layout.titleLine + span.aggregates.length * layout.smallLine + 2 * layout.cellPad
        )
    );
    const svg = spans
        .map(span =>
            element(
                'g',
                {
                    class: 'stage',
                    'data-stage': span.stage.name,
                    role: 'group',
                    'aria-label': t('Stage: {name}', { name: [displayName(span.stage), ...span.aggregates].join(', ') })
                },
                [
                    element('rect', {
                        class: `stage-${(span.stageIndex % 2) + 1}`,
                        x: span.x,
                        y,
                        width: span.width,
                        height,
                        rx: 8
                    }),
                    textLines(span.lines, span.x + layout.cellPad, y + layout.cellPad + 13, layout.titleLine, {
                        class: 'stage-title'
                    }),
                    span.aggregates.length > 0
                        ? textLines(
                              span.aggregates,
                              span.x + layout.cellPad,
                              y + layout.cellPad + 13 + span.lines.length * layout.titleLine,
                              layout.smallLine,
                              { class: 'small' }
                          )
                        : ''
                ]
            )
        )
        .join('');
    return { svg: text(t('STAGE'), { x: layout.pad, y: y + layout.cellPad + 13, class: 'lane-label' }) + svg, height };
}

/** The lanes of the map with something to show, in the order chosen (a view's `lanes`, or the map's own). */
function lanesFor(journey: JourneyMapModel, model: JourneyModel, chosen: readonly MapLane[], addable: boolean): Lane[] {
    const steps = allSteps(journey);
    const titles = stepTitles(journey);
    const markers = personaMarkers(journey);
    const observed = observedBadge(journey);
    const has = (test: (step: StepModel) => boolean) => steps.some(test);
    const listed = (test: (step: StepModel) => boolean) => addable || has(test);
    const lanes: Partial<Record<MapLane, () => Lane | undefined>> = {
        steps: () => ({ kind: 'cells', label: t('STEPS'), cell: step => stepCard(step, titles, markers, observed) }),
        touchpoints: () => (listed(step => step.channels.length > 0 || step.touchpoints.length > 0)
            ? { kind: 'cells', label: t('TOUCHPOINTS'), lists: 'touchpoint', cell: step => channelCell(step, model) }
            : undefined),
        emotion: () => (has(hasEmotion) ? { kind: 'emotion', label: t('EMOTION'), cell: () => undefined } : undefined),
        notes: () => {
            if (!has(hasEmotionNote)) return undefined;
            const shapeOf = personaShapesOf(journey);
            return { kind: 'cells', label: t('WHY'), cell: step => emotionNote(step, shapeOf) };
        },
        quotes: () => (has(step => (step.quotes ?? []).length > 0)
            ? { kind: 'cells', label: t('CUSTOMERS SAID'), cell: step => quoteCell(step.quotes ?? []) } : undefined),
        pains: () => painLane(steps, addable),
        opportunities: () => (listed(step => opportunitiesOfStep(model, journey.name, step).length > 0) ? {
            kind: 'cells', label: t('OPPORTUNITIES'), lists: 'opportunity',
            cell: step => noteBoxes(opportunityNotes(step, model, journey.name), 'opportunity', '+')
        } : undefined),
        metrics: () => (has(step => step.metrics.length > 0)
            ? { kind: 'cells', label: t('METRICS'), cell: step => metricCell(step, model) } : undefined),
        blueprint: () => (has(step => (step.blueprint ?? []).length > 0 || (step.failPoints ?? []).length > 0)
            ? { kind: 'cells', label: t('BLUEPRINT'), cell: step => blueprintCell(step, inner) } : undefined),
        paths: () => (observed
            ? { kind: 'cells', label: t('OBSERVED'), cell: step => observedCell(observed(step)) } : undefined)
    };
    return chosen.flatMap(name => lanes[name]?.() ?? []);
}

function hasEmotionNote(step: StepModel): boolean {
    return Boolean(step.emotion?.note || step.personaEmotions?.some(emotion => emotion.note || emotion.feeling));
}

/** Pains as written, and where a step with a detail journey writes none, the detail's count, marked as rolled up. */
function painLane(steps: StepModel[], addable: boolean): Lane | undefined {
    const hasPains = steps.some(step => step.pains.length > 0 || (step.detailSummary?.rolledUpPains ?? 0) > 0);
    if (!hasPains && !addable) return undefined;
    const lowConfidence = steps.some(step => (step.claims ?? [])
        .some(claim => claim.kind === 'pain' && claim.confidence === 'low'));
    // The legend of the faded boxes goes under the lane's name, where there are some.
    const legend = lowConfidence ? t('faded: low confidence') : undefined;
    const notesOf = (step: StepModel): Note[] => {
        const rolledUp = rolledUpPainNote(step);
        if (rolledUp) return [rolledUp];
        return step.pains.map((pain, index) => ({ ...claimNote(step, 'pain', pain), line: `pain/${index}` }));
    };
    const cell = (step: StepModel) => noteBoxes(notesOf(step), 'pain', '−');
    return { kind: 'cells', label: t('PAIN POINTS'), legend, lists: 'pain', cell };
}

function observedCell(badge: { text: string; className: string } | undefined): Cell | undefined {
    if (!badge) return undefined;
    const lines = wrapText(badge.text, inner, 11);
    const draw = (x: number, y: number) =>
        textLines(lines, x + layout.cellPad, y + 11, layout.smallLine, { class: badge.className });
    return { height: lines.length * layout.smallLine, draw };
}

function drawLane(
    lane: Lane,
    columns: Column[],
    y: number,
    width: number,
    laidOut?: Array<Cell | undefined>
): { svg: string; height: number } {
    const cells = columns.map((column, index) => ({
        column,
        cell: laidOut ? laidOut[index] : column.step && lane.cell(column.step)
    }));
    const height = Math.max(40, ...cells.map(({ cell }) => (cell?.height ?? 0) + 2 * layout.cellPad));
    const drawn = cells.map(({ column, cell }) =>
        cell && column.step
            ? element(
                  'g',
                  { class: 'cell', 'data-step': column.step.name },
                  cell.draw(column.x, y + layout.cellPad, height - 2 * layout.cellPad)
              )
            : ''
    );
    return {
        svg:
            element('line', { class: 'rule', x1: layout.pad, x2: width - layout.pad, y1: y, y2: y }) +
            text(lane.label, {
                x: layout.pad,
                y: y + layout.cellPad + 12,
                class: 'lane-label',
                'data-lists': lane.lists
            }) +
            (lane.legend
                ? textLines(
                      wrapText(lane.legend, layout.labelWidth - 8, 11),
                      layout.pad,
                      y + layout.cellPad + 28,
                      layout.smallLine,
                      { class: 'small muted legend' }
                  )
                : '') +
            drawn.join(''),
        height
    };
}

const inner = layout.column - 2 * layout.cellPad;

/**
 * With more than one persona, each step shows who takes part in it: a marker per persona (a
 * shape of its own, so it does not rest on colour) and the persona's name.
 */
function personaMarkers(journey: JourneyMapModel): ((step: StepModel) => string) | undefined {
    if (journey.personas.length < 2) return undefined;
    const shapeOf = personaShapesOf(journey);
    // Names, not titles: the persona cards above give each name its title.
    return step =>
        (step.personas.length > 0 ? step.personas : journey.personas)
            .map(name => `${shapeOf.get(name) ?? '○'} ${name}`)
            .join('  ');
}

/**
 * Why the customer feels so: the emotion's note in full, and each persona's feeling and note with the persona's marker.
 */
function emotionNote(step: StepModel, shapeOf: Map<string, string>): Cell | undefined {
    const own = step.emotion?.note ? wrapText(`“${step.emotion.note}”`, inner, 12) : [];
    const personas = (step.personaEmotions ?? []).filter(emotion => emotion.note || emotion.feeling)
        .map(emotion => {
            const felt = [emotion.feeling, emotion.note && `“${emotion.note}”`].filter(Boolean).join(' ');
            return `${shapeOf.get(emotion.persona) ?? '○'} ${emotion.persona}: ${felt}`;
        })
        .flatMap(note => wrapText(note, inner, 12));
    if (own.length + personas.length === 0) return undefined;
    return {
        height: (own.length + personas.length) * layout.line,
        draw: (x, y) => {
            const lines = (texts: string[], top: number, className: string) =>
                (texts.length > 0 ? textLines(texts, x + 2, top, layout.line, { class: className }) : '');
            // The step's own note is marked, for the preview to edit it in place.
            return lines(own, y + 12, 'body muted emotion-note')
                + lines(personas, y + 12 + own.length * layout.line, 'body muted');
        }
    };
}

/**
 * With a paths snapshot, what customers did at each step: how many reach it and how many stop
 * there; a step bound to events that nobody reached says so.
 */
function observedBadge(
    journey: JourneyMapModel
): ((step: StepModel) => { text: string; className: string } | undefined) | undefined {
    const paths = journey.observedPaths?.paths;
    if (!paths) return undefined;
    const byStep = new Map(paths.steps.map(entry => [entry.step, entry]));
    return step => {
        const entry = byStep.get(step.name);
        if (!entry) return undefined;
        if (paths.deadSteps.includes(step.name))
            return { text: `◌ ${t('nobody reaches it')}`, className: 'small muted observed dead' };
        const parts = [t('reach {share}', { share: percentText(shareOf(entry.reach, paths.cases)) })];
        if (entry.dropOff > 0)
            parts.push(t('drop-off {share}', { share: percentText(shareOf(entry.dropOff, paths.cases)) }));
        return {
            text: `◍ ${parts.join(' · ')}`,
            className: entry.dropOff > 0 ? 'small observed drop' : 'small observed'
        };
    };
}

function stepCard(
    step: StepModel, titles: Map<string, string>, markers?: (step: StepModel) => string,
    observed?: (step: StepModel) => { text: string; className: string } | undefined
): Cell {
    const title = wrapText(displayName(step), inner, 13);
    const badges: Array<{ lines: string[]; className: string }> = [];
    const seen = observed?.(step);
    if (seen) badges.push({ lines: wrapText(seen.text, inner, 11), className: seen.className });
    if (markers) badges.push({ lines: wrapText(markers(step), inner, 11), className: 'small' });
    for (const owner of step.owners ?? [])
        badges.push({ lines: wrapText(t('Owner: {owner}', { owner }), inner, 11), className: 'small muted' });
    for (const moment of step.momentsOfTruth)
        badges.push({
            lines: wrapText(`★ ${t('Moment of truth: {moment}', { moment })}`, inner, 11),
            className: 'small'
        });
    if (step.next.length > 0)
        badges.push({
            lines: wrapText(`→ ${step.next.map(name => titles.get(name) ?? name).join(', ')}`, inner, 11),
            className: 'small muted'
        });
    if (step.exit)
        badges.push({ lines: wrapText(`⏏ ${t('The customer may leave here')}`, inner, 11), className: 'small muted' });
    const detail = detailBadge(step);
    if (detail) badges.push({ lines: wrapText(detail, inner, 11), className: 'small detail-link' });
    const badgeHeight = badges.reduce((sum, badge) => sum + badge.lines.length * layout.smallLine + 4, 0);
    const height = title.length * layout.titleLine + badgeHeight + 2 * layout.cellPad;
    return {
        height,
        draw: (x, y, laneHeight) => {
            let cursor = y + layout.cellPad + 13 + title.length * layout.titleLine;
            const badgeTexts = badges.map(badge => {
                cursor += 4;
                const svg = textLines(badge.lines, x + layout.cellPad, cursor, layout.smallLine, {
                    class: badge.className
                });
                cursor += badge.lines.length * layout.smallLine;
                return svg;
            });
            const detailOf = { 'data-detail': step.detail, 'data-detail-uri': step.detailSummary?.uri };
            return element('g', { class: 'step', role: 'group', 'aria-label': stepLabel(step), ...detailOf }, [
                element('rect', { class: 'card', x, y, width: layout.column, height: laneHeight, rx: 8 }),
                textLines(title, x + layout.cellPad, y + layout.cellPad + 13, layout.titleLine, {
                    class: 'step-title'
                }),
                ...badgeTexts
            ]);
        }
    };
}

function channelCell(step: StepModel, model: JourneyModel): Cell | undefined {
    const rows: Array<{ lines: string[]; icon?: ChannelKind | 'unknown'; line?: string }> = [];
    for (const name of step.channels) {
        const channel = model.channels.find(c => c.name === name);
        rows.push({
            lines: wrapText(displayName(channel ?? { name }), inner - 22, 12),
            icon: channel?.kind ?? 'unknown'
        });
    }
    step.touchpoints.forEach((touchpoint, index) =>
        rows.push({ lines: wrapText(`· ${touchpoint}`, inner, 12), line: `touchpoint/${index}` }));
    if (rows.length === 0) return undefined;
    const height = rows.reduce((sum, row) => sum + row.lines.length * layout.line + 2, 0);
    return {
        height,
        draw: (x, y) => {
            let cursor = y + 12;
            return rows.map(row => {
                const svg = row.icon
                    ? channelIcon(row.icon, x + 7, cursor - 4) +
                      textLines(row.lines, x + 22, cursor, layout.line, { class: 'body' })
                    : textLines(row.lines, x + 2, cursor, layout.line, { class: 'body muted', 'data-line': row.line });
                cursor += row.lines.length * layout.line + 2;
                return svg;
            }).join('');
        }
    };
}

/** Online: a globe; offline: a shop front. Shapes, not colours, tell them apart. */
function channelIcon(kind: ChannelKind | 'unknown', cx: number, cy: number): string {
    const label = kind === 'unknown' ? t('channel') : kind === 'online' ? t('online channel') : t('offline channel');
    if (kind === 'offline') {
        return element('path', {
            class: 'icon',
            d: `M${num(cx - 6)} ${num(cy - 1)}l6 -5 6 5v7h-12z M${num(cx - 2)} ${num(cy + 6)}v-4h4v4`,
            role: 'img',
            'aria-label': label
        });
    }
    return element('g', { role: 'img', 'aria-label': label }, [
        element('circle', { class: 'icon', cx, cy, r: 6 }),
        element('path', {
            class: 'icon',
            d: `M${num(cx - 6)} ${num(cy)}h12 M${num(cx)} ${num(cy - 6)}c-3 3 -3 9 0 12c3 -3 3 -9 0 -12`
        })
    ]);
}

/**
 * A note box: its text, and small lines under it (evidence, owner, status); faded when the claim is of low confidence.
 */
interface Note {
    text: string;
    details: string[];
    faded?: boolean;
    /** The step's line it is, `pain/0`, or the declared opportunity it shows: for the preview to edit it in place. */
    line?: string;
    opportunity?: string;
}

/** A pain point with the research behind it, where the step gives it. */
function claimNote(step: StepModel, kind: 'pain' | 'moment', text: string): Note {
    const claim = (step.claims ?? []).find(candidate => candidate.kind === kind && candidate.text === text);
    if (!claim) return { text, details: [] };
    const details = [
        ...claim.evidence.map(evidence => t('Evidence: {evidence}', { evidence })),
        ...(claim.confidence ? [t('Confidence: {confidence}', { confidence: confidenceLabel(claim.confidence) })] : [])
    ];
    return { text, details, faded: claim.confidence === 'low' };
}


/** The step's opportunities (see opportunitiesOfStep), declared ones with their owner and status. */
function opportunityNotes(step: StepModel, model: JourneyModel, journey: string): Note[] {
    return opportunitiesOfStep(model, journey, step).map((opportunity, index) => {
        const chips = opportunityChips(opportunity);
        const names = opportunity.name ? { opportunity: opportunity.name } : { line: `opportunity/${index}` };
        return { text: opportunity.text, details: chips.length > 0 ? [chips.join(' · ')] : [], ...names };
    });
}

function noteBoxes(notes: Note[], className: 'pain' | 'opportunity', marker: string): Cell | undefined {
    if (notes.length === 0) return undefined;
    const boxes = notes.map(note => ({
        note,
        lines: wrapText(`${marker} ${note.text}`, inner - 12, 12),
        details: note.details.flatMap(detail => wrapText(detail, inner - 12, 11))
    }));
    const boxHeight = (box: (typeof boxes)[number]) =>
        box.lines.length * layout.line + box.details.length * layout.smallLine + 10;
    const height = boxes.reduce((sum, box) => sum + boxHeight(box) + 6, -6);
    return {
        height,
        draw: (x, y) => {
            let cursor = y;
            return boxes.map(box => {
                const names = { 'data-line': box.note.line, 'data-opportunity': box.note.opportunity };
                const svg = element('g', { class: box.note.faded ? 'note low-confidence' : 'note', ...names }, [
                    element('rect', {
                        class: className,
                        x,
                        y: cursor,
                        width: layout.column,
                        height: boxHeight(box),
                        rx: 6
                    }),
                    textLines(box.lines, x + 6, cursor + 17, layout.line, { class: 'body' }),
                    box.details.length > 0
                        ? textLines(
                              box.details,
                              x + 6,
                              cursor + 17 + box.lines.length * layout.line,
                              layout.smallLine,
                              { class: 'small muted' }
                          )
                        : ''
                ]);
                cursor += boxHeight(box) + 6;
                return svg;
            }).join('');
        }
    };
}

/** Customers' own words, in quotes and italics, each cut to a few lines. */
function quoteCell(quotes: string[]): Cell | undefined {
    if (quotes.length === 0) return undefined;
    const lines = quotes.flatMap(quote => {
        const wrapped = wrapText(`“${quote}”`, inner, 12);
        return wrapped.length > 4 ? [...wrapped.slice(0, 3), `${wrapped[3]}…`] : wrapped;
    });
    return {
        height: lines.length * layout.line,
        draw: (x, y) => textLines(lines, x + 2, y + 12, layout.line, { class: 'body quote' })
    };
}

/** `Conversion (mean of 2): 11.8% ✓ met`. */
function stageMetricText(aggregate: StageMetricModel, metric: MetricModel | undefined): string {
    const name = displayName(metric ?? { name: aggregate.metric });
    const shown = aggregate.count > 1 ? `${name} (${formatAggregation(aggregate.aggregate, aggregate.count)})` : name;
    return `${shown}: ${formatMetricValue(aggregate.value, metric)} ${statusWord(aggregate.status)}`;
}

function metricCell(step: StepModel, model: JourneyModel): Cell | undefined {
    if (step.metrics.length === 0) return undefined;
    const entries = step.metrics.map(value => metricEntry(value, model.metrics.find(m => m.name === value.metric)));
    const gap = 8;
    return {
        height: entries.reduce((total, entry) => total + entry.height + gap, -gap),
        draw: (x, y) => {
            let top = y;
            return entries.map(entry => {
                const svg = entry.draw(x, top);
                top += entry.height + gap;
                return svg;
            }).join('');
        }
    };
}

/**
 * One metric value: its name (and period), status sign and value, the target and the
 * trend since the previous period (wrapped to the column), and a sparkline. A value read
 * from data carries where it came from, so a click can open the file at its row.
 */
function metricEntry(
    value: MetricValueModel,
    metric: MetricModel | undefined
): { height: number; draw: (x: number, top: number) => string } {
    const trend = trendOf(value, metric);
    const period = value.series?.at(-1)?.period;
    const details = wrapText(
        [formatTarget(metric), trend && formatTrend(trend)].filter(Boolean).join(' · '),
        layout.column - 2 * layout.cellPad - 4,
        11
    );
    const hasSparkline = (value.series?.length ?? 0) > 1;
    const detailsTop = 2 * layout.smallLine + 12;
    const height = detailsTop + (details.length - 1) * layout.smallLine + (hasSparkline ? 24 : 4);
    return {
        height,
        draw: (x, top) =>
            element(
                'g',
                {
                    class: 'metric',
                    role: 'group',
                    'aria-label': metricLabel(value, metric),
                    'data-origin': value.origin?.uri,
                    'data-origin-line': value.origin?.line
                },
                [
                    text(`${displayName(metric ?? { name: value.metric })}${period ? ` · ${period}` : ''}`, {
                        x: x + 2,
                        y: top + 11,
                        class: 'small muted'
                    }),
                    statusIcon(value, x + 8, top + layout.smallLine + 8),
                    text(`${formatMeasuredValue(value, metric)}  ${statusWord(value.status)}`, {
                        x: x + 20,
                        y: top + layout.smallLine + 12,
                        class: 'body'
                    }),
                    details[0]
                        ? textLines(details, x + 2, top + detailsTop, layout.smallLine, { class: 'small muted' })
                        : '',
                    hasSparkline
                        ? sparkline(
                              value.series!.map(point => point.value),
                              x + 2,
                              top + height - 20,
                              layout.column - 2 * layout.cellPad - 4,
                              16
                          )
                        : ''
                ]
            )
    };
}

/** The values of a series as a small line, oldest to newest, the latest as a dot. */
function sparkline(values: number[], x: number, y: number, width: number, height: number): string {
    const low = values.reduce((min, value) => Math.min(min, value));
    const high = values.reduce((max, value) => Math.max(max, value));
    const points = values.map((value, index) => ({
        x: x + (index / (values.length - 1)) * width,
        y: y + height - ((value - low) / (high - low || 1)) * height
    }));
    const last = points.at(-1)!;
    return element('g', { class: 'sparkline', 'aria-hidden': 'true' }, [
        element('polyline', {
            class: 'spark',
            points: points.map(point => `${num(point.x)},${num(point.y)}`).join(' ')
        }),
        element('circle', { class: 'spark-dot', cx: last.x, cy: last.y, r: 2.5 })
    ]);
}

function statusIcon(value: MetricValueModel, cx: number, cy: number): string {
    return element('circle', { class: value.status, cx, cy, r: 5 });
}

function metricLabel(value: MetricValueModel, metric: MetricModel | undefined): string {
    const trend = trendOf(value, metric);
    const shown = [
        formatMeasuredValue(value, metric),
        statusWord(value.status),
        ...(trend ? [formatTrend(trend)] : [])
    ].join(', ');
    return t('Metric {name}: {value}', { name: displayName(metric ?? { name: value.metric }), value: shown });
}
