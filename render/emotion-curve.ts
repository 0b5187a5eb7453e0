import {
    shareOfScale,
    type JourneyMapModel,
    type MeasuredEmotionModel,
    type Scale,
    type StepModel
} from '../model/journey-model.js';
import { journeyPaths } from './journey-paths.js';
import { emotionOfPersona, hasPersonaEmotions, personaShapesOf } from './persona-view.js';
import { layout, stepLabel, type Column } from './map-layout.js';
import { element, num, text, textLines } from './svg.js';
import { wrapText } from './text-wrap.js';
import { t } from '../model/localisation.js';

interface CurvePoint {
    x: number;
    y: number;
    step: StepModel;
    score: number;
    feeling?: string;
}

/** One line of the lane: everyone's, or one persona's (with its marker and style). */
interface Curve {
    persona?: string;
    marker?: string;
    className: string;
    /** The score (and feeling) this curve has at a step, if it has one there. */
    at: (step: StepModel) => { score: number; feeling?: string } | undefined;
}

function rolledUp(step: StepModel): { score: number; feeling: string } | undefined {
    const score = step.detailSummary?.rolledUpEmotion;
    return score === undefined ? undefined : { score, feeling: t('rolled up') };
}

/**
 * Where steps give emotions per persona (`emotion Bo 2 …`), one curve per persona: a step's
 * own emotion for that persona, else its emotion for everyone, at the steps the persona takes
 * part in. Otherwise one curve, as written.
 */
export function emotionCurves(journey: JourneyMapModel): Curve[] {
    if (!hasPersonaEmotions(journey)) {
        // Without a written emotion, what customers said is the curve; without either, the detail's lowest, marked.
        const measured = (step: StepModel) => step.measuredEmotion && { score: step.measuredEmotion.score };
        const at = (step: StepModel) => step.emotion ?? measured(step) ?? rolledUp(step);
        return [{ className: 'curve', at }];
    }
    const shapes = personaShapesOf(journey);
    return [...shapes].map(([persona, marker], index) => ({
        persona, marker, className: `curve curve-p${index % 4}`, at: step => emotionOfPersona(step, persona, journey)
    }));
}

/**
 * The emotion curve: a smooth line through the scores of the steps of the journey's main
 * path (see journey-paths.ts), and a dashed line to each step off it (an alternative, an
 * exit), so a branch never reads as the next thing that happened; the scale on the left, a
 * face per point (shape of the mouth, not only its colour, says how the customer feels), the
 * named feeling, and a star on moments of truth.
 */
export function drawEmotionLane(
    journey: JourneyMapModel,
    columns: Column[],
    y: number,
    width: number,
    id: string
): { svg: string; height: number } {
    const height = layout.emotionLane;
    const top = y + 30;
    const bottom = y + height - 34;
    const scale = journey.emotionScale;
    const toY = (score: number) => bottom - shareOfScale(score, scale) * (bottom - top);
    const paths = journeyPaths(journey);
    const curves = emotionCurves(journey);
    // Several curves: each persona's faces side by side in the column, so two equal scores never hide each other.
    const offsetOf = (index: number) => (curves.length > 1 ? (index - (curves.length - 1) / 2) * 24 : 0);
    // Where the team wrote an emotion and customers' answers measured one, both: the measured as a hollow ring.
    const measured = columns.flatMap(column =>
        column.step?.emotion && column.step.measuredEmotion
            ? [
                  {
                      x: column.x + layout.column / 2 + offsetOf(0),
                      step: column.step,
                      written: column.step.emotion.score,
                      measured: column.step.measuredEmotion
                  }
              ]
            : []
    );
    const drawn = curves.map((curve, index) => {
        const points: CurvePoint[] = columns.flatMap(column => {
            const emotion = column.step && curve.at(column.step);
            return emotion && column.step
                ? [
                      {
                          x: column.x + layout.column / 2 + offsetOf(index),
                          y: toY(emotion.score),
                          step: column.step,
                          score: emotion.score,
                          feeling: emotion.feeling
                      }
                  ]
                : [];
        });
        const pointOf = new Map(points.map(point => [point.step, point]));
        const mainPoints = paths.main.flatMap(step => pointOf.get(step) ?? []);
        const branches = paths.branches.flatMap(({ from, to }) => {
            const [a, b] = [pointOf.get(from), pointOf.get(to)];
            return a && b
                ? [element('path', { class: 'curve-branch', d: `M${num(a.x)} ${num(a.y)}L${num(b.x)} ${num(b.y)}` })]
                : [];
        });
        const line =
            mainPoints.length > 1
                ? element('path', {
                      class: curve.className,
                      d: smoothPath(mainPoints, top, bottom),
                      id: index === 0 ? `${id}-curve` : `${id}-curve-${index}`,
                      'data-persona': curve.persona
                  })
                : '';
        return {
            branches,
            line,
            faces: points.map(point =>
                drawPoint(point, scale, bottom, curve, (bottom - top) / (scale.max - scale.min || 1))
            )
        };
    });
    const parts = [
        element('line', { class: 'rule', x1: layout.pad, x2: width - layout.pad, y1: y, y2: y }),
        text(t('EMOTION'), { x: layout.pad, y: y + layout.cellPad + 12, class: 'lane-label' }),
        ...scaleTicks(scale).map(
            score =>
                element('line', {
                    class: 'grid',
                    x1: layout.pad + layout.labelWidth - 4,
                    x2: width - layout.pad,
                    y1: toY(score),
                    y2: toY(score)
                }) +
                text(String(score), {
                    x: layout.pad + layout.labelWidth - 10,
                    y: toY(score) + 4,
                    class: 'small muted',
                    'text-anchor': 'end'
                })
        ),
        curves.length > 1 ? legend(curves, layout.pad, y + layout.cellPad + 34) : '',
        measured.length > 0
            ? measuredLegend(layout.pad, y + layout.cellPad + (curves.length > 1 ? 34 + curves.length * 18 : 34))
            : '',
        ...drawn.flatMap(curve => curve.branches),
        ...drawn.map(curve => curve.line),
        ...measured.map(point => drawMeasured(point, toY)),
        ...drawn.flatMap(curve => curve.faces)
    ];
    return {
        svg: element(
            'g',
            {
                class: 'emotion',
                role: 'group',
                'aria-label': t('Emotion curve on a scale of {min} to {max}', { min: scale.min, max: scale.max })
            },
            parts
        ),
        height
    };
}

interface MeasuredPoint {
    x: number;
    step: StepModel;
    written: number;
    measured: MeasuredEmotionModel;
}

/** The measured emotion beside the written one: a hollow ring joined to the written face by a thin line. */
function drawMeasured(point: MeasuredPoint, toY: (score: number) => number): string {
    const { x, measured } = point;
    const label = t('{step}: measured {score} (mean answer {mean} of {min}..{max}, n = {n}); written {written}', {
        step: stepLabel(point.step),
        score: formatScore(measured.score),
        mean: formatScore(measured.mean),
        min: measured.answerScale.min,
        max: measured.answerScale.max,
        n: measured.n,
        written: point.written
    });
    return element('g', { class: 'measured-point', 'data-step': point.step.name, role: 'img', 'aria-label': label }, [
        element('line', { class: 'measured-link', x1: x, x2: x, y1: toY(point.written), y2: toY(measured.score) }),
        element('circle', { class: 'measured', cx: x, cy: toY(measured.score), r: 7 })
    ]);
}

function measuredLegend(x: number, y: number): string {
    const lines = wrapText(t('measured from answers'), layout.labelWidth - 40, 11);
    return element('g', { class: 'legend' }, [
        element('circle', { class: 'measured', cx: x + 6, cy: y - 4, r: 5 }),
        textLines(lines, x + 16, y, layout.smallLine, { class: 'small' })
    ]);
}

function formatScore(score: number): string {
    return String(Math.round(score * 100) / 100);
}

/** Every whole score on small scales; five even steps on large ones. */
export function scaleTicks(scale: Scale): number[] {
    const span = scale.max - scale.min;
    if (span <= 10 && Number.isInteger(scale.min) && Number.isInteger(scale.max)) {
        return Array.from({ length: span + 1 }, (_, index) => scale.min + index);
    }
    return Array.from({ length: 5 }, (_, index) => Math.round((scale.min + (span * index) / 4) * 100) / 100);
}

/** Catmull-Rom through the points as cubic Béziers, control points kept inside the lane. */
export function smoothPath(points: Array<{ x: number; y: number }>, top: number, bottom: number): string {
    const keep = (value: number) => Math.min(bottom, Math.max(top, value));
    let path = `M${num(points[0].x)} ${num(points[0].y)}`;
    for (let i = 0; i < points.length - 1; i++) {
        const p0 = points[Math.max(0, i - 1)];
        const p1 = points[i];
        const p2 = points[i + 1];
        const p3 = points[Math.min(points.length - 1, i + 2)];
        const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: keep(p1.y + (p2.y - p0.y) / 6) };
        const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: keep(p2.y - (p3.y - p1.y) / 6) };
        path += `C${num(c1.x)} ${num(c1.y)} ${num(c2.x)} ${num(c2.y)} ${num(p2.x)} ${num(p2.y)}`;
    }
    return path;
}

/** Under the lane's label: each persona's marker and the style of its line. */
function legend(curves: Curve[], x: number, y: number): string {
    return element(
        'g',
        { class: 'legend', role: 'list', 'aria-label': t('One curve per persona') },
        curves.map((curve, index) => {
            const top = y + index * 18;
            return element('g', { role: 'listitem' }, [
                element('path', { class: curve.className, d: `M${num(x)} ${num(top - 4)}h22` }),
                text(`${curve.marker} ${curve.persona}`, { x: x + 28, y: top, class: 'small' })
            ]);
        })
    );
}

/**
 * A face of the curve; a written score's face says where it is on the scale, for the preview to drag it (`unit`: pixels
 * per point).
 */
function drawPoint(point: CurvePoint, scale: Scale, bottom: number, curve: Curve, unit: number): string {
    const emotion = { score: point.score, feeling: point.feeling };
    const mood = moodOf(emotion.score, scale);
    const { x, y } = point;
    const mouth =
        mood === 'good'
            ? `M${num(x - 4)} ${num(y + 2)}q4 4 8 0`
            : mood === 'bad'
              ? `M${num(x - 4)} ${num(y + 5)}q4 -4 8 0`
              : `M${num(x - 4)} ${num(y + 3.5)}h8`;
    // Below the face, or above it when there is no room below or the measured ring sits there;
    // beside it when the ring takes the only side there is.
    const ring =
        point.step.emotion && point.step.measuredEmotion
            ? Math.sign(point.step.measuredEmotion.score - point.step.emotion.score)
            : 0;
    const roomBelow = y + 28 <= bottom + 24 && ring >= 0;
    const roomAbove = ring <= 0;
    const labelAt = roomBelow
        ? { x, y: y + 26, 'text-anchor': 'middle' }
        : roomAbove
          ? { x, y: y - 18, 'text-anchor': 'middle' }
          : { x: x + 16, y: y + 4, 'text-anchor': 'start' };
    const label = curve.persona
        ? `${stepLabel(point.step)} (${curve.persona}: ${emotion.score}${emotion.feeling ? ` ${emotion.feeling}` : ''})`
        : stepLabel(point.step);
    // A score rolled up from the step's detail journey: the face in a dashed ring, beside its label.
    const { step } = point;
    const rolledUp = !step.emotion && !step.measuredEmotion && step.detailSummary?.rolledUpEmotion !== undefined;
    const kind = rolledUp && !curve.persona ? 'point rolled-up' : 'point';
    const draggable = !curve.persona && point.step.emotion?.score === point.score
        ? { 'data-score': point.score, 'data-scale': `${scale.min}..${scale.max}`, 'data-unit': num(unit) } : {};
    return element(
        'g',
        {
            class: kind,
            'data-step': point.step.name,
            'data-persona': curve.persona,
            role: 'img',
            'aria-label': label,
            ...draggable
        },
        [
            rolledUp ? element('circle', { class: 'rolled-up-ring', cx: x, cy: y, r: 14 }) : '',
            element('circle', { class: `face-${mood}`, cx: x, cy: y, r: 11 }),
            element('circle', { class: 'face-eye', cx: x - 3.5, cy: y - 3, r: 1.4 }),
            element('circle', { class: 'face-eye', cx: x + 3.5, cy: y - 3, r: 1.4 }),
            element('path', { class: 'face-line', d: mouth }),
            point.step.momentsOfTruth.length > 0
                ? element('path', { class: 'mot', d: star(x + 13, y - 13, 6), 'aria-label': t('moment of truth') })
                : '',
            // With one curve per persona, the marker says whose face it is; feelings are in the notes lane.
            curve.marker ? text(curve.marker, { x, y: y + 24, class: 'small', 'text-anchor': 'middle' }) : '',
            !curve.marker && emotion.feeling ? text(emotion.feeling, { ...labelAt, class: 'small muted' }) : ''
        ]
    );
}

/**
 * Low, middle or high third of the journey's own scale: on 1..7, 3 to 5 is the middle (4 its
 * centre), 1 and 2 low, 6 and 7 high; on 1..5, 3 alone.
 */
export function moodOf(score: number, scale: Scale): 'bad' | 'mid' | 'good' {
    const share = shareOfScale(score, scale);
    const third = 1 / 3 - 1e-9;
    return share < third ? 'bad' : share > 1 - third ? 'good' : 'mid';
}

function star(cx: number, cy: number, radius: number): string {
    const corners = Array.from({ length: 10 }, (_, index) => {
        const angle = (Math.PI / 5) * index - Math.PI / 2;
        const r = index % 2 === 0 ? radius : radius / 2.4;
        return `${num(cx + r * Math.cos(angle))} ${num(cy + r * Math.sin(angle))}`;
    });
    return `M${corners.join('L')}Z`;
}
