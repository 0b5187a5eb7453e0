/**
 * The preview webview. Receives models from the extension, draws them with the same
 * renderers as the CLI, and posts clicks back. Every string from the .journey file reaches
 * the page only through the renderers (which escape it) or `textContent`.
 */
import type { JourneyMapModel, JourneyModel, SourceRange } from '../model/journey-model.js';
import {
    renderBlueprintSvg,
    renderFunnelSvg,
    renderJourneyMapSvg,
    renderPortfolioSvg,
    svgDataUrl,
    renderJourneyOverviewSvg,
    renderMermaidFlowchart,
    renderMermaidJourney,
    type MapRenderOptions
} from '../render/index.js';
import { isLargeJourney, modelOfWindow, windowsOf, type MapWindow } from '../render/map-window.js';
import type { BacklogRow } from '../analysis/opportunity-backlog.js';
import { formatNumber } from '../metrics/metric-format.js';
import { useMessageBundle, t, type MessageBundle } from '../model/localisation.js';
import { hasPersonaEmotions, modelForPersona, personasWithEmotions } from '../render/persona-view.js';
import { drawComparison } from './compare-view.js';
import { loadMermaid } from './load-mermaid.js';
import {
    defaultPreviewState,
    type FromPreview,
    type PreviewState,
    type PreviewView,
    type ToPreview
} from '../protocol/preview-messages.js';
import { applyDelta } from '../protocol/model-delta.js';
import { previewCss } from './preview-style.js';
import { findView, viewsOf } from '../model/view-registry.js';
import { renderNamedViewSvg } from '../render/named-view.js';
import { drawStorySlide, slidePlaces } from '../render/story-deck.js';
import { installMapGestures } from './map-gestures.js';
import { installPortfolioStatusMenu } from './portfolio-status-menu.js';

interface VsCodeApi {
    postMessage(message: FromPreview): void;
    getState(): PreviewState | undefined;
    setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

// The page carries the editor's message bundle as data: labels drawn here speak its language.
/** The words of the editor's language, given by the extension when the page loads. */
const editorMessages = JSON.parse(document.getElementById('messages')?.textContent || '{}') as MessageBundle;
useMessageBundle(editorMessages);

const vscode = acquireVsCodeApi();
let state: PreviewState = { ...defaultPreviewState, ...vscode.getState() };
let model: JourneyModel | undefined;
let highlighted: string | undefined;
/** Set while the preview compares an older version with the current one. */
let comparison: Extract<ToPreview, { type: 'compare' }> | undefined;
let renderCount = 0;
/** The workspace's opportunities, once the extension sent them (the portfolio view asks). */
let portfolio: BacklogRow[] | undefined;
/** The story slide shown, while the editor's cursor is on a story's `show` (or the reader moves through it here). */
let playing: { story: string; index: number } | undefined;

const canvas = document.getElementById('canvas')!;
const viewport = document.getElementById('viewport')!;
const banner = document.getElementById('banner')!;
const picker = document.getElementById('journey-picker') as HTMLSelectElement;
const personaPicker = document.getElementById('persona-picker') as HTMLSelectElement;

const gestures = installMapGestures({
    canvas,
    journey: () => {
        const journey = model && (model.journeys.find(j => j.name === state.journey) ?? model.journeys[0]);
        return journey && {
            name: journey.name,
            steps: journey.stages.flatMap(stage => stage.steps),
            opportunities: model?.opportunities ?? []
        };
    },
    // The map of the text as it is: not a comparison, a story's slide, a named view or another view.
    editable: () => !comparison && !playing && state.view === 'map',
    send: edit => vscode.postMessage({ type: 'edit', edit })
});
const statusMenu = installPortfolioStatusMenu({
    canvas,
    rows: () => (state.view === 'portfolio' && !comparison ? portfolio : undefined),
    send: (edit, uri) => vscode.postMessage({ type: 'edit', edit, uri })
});

function isDark(): boolean {
    return document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
}

function saveState(): void {
    vscode.setState(state);
    vscode.postMessage({ type: 'state', state });
}

async function draw(): Promise<void> {
    if (comparison) {
        drawCompareMode(comparison);
        return;
    }
    if (!model) return;
    updateViewButtons(model);
    updatePicker(model.journeys);
    const ticket = ++renderCount;
    if (playing && drawSlide(model, playing, ticket)) return;
    updateStoryBar(undefined);
    const named = findView(model, 'preview', state.view)?.named;
    const personal = forChosenPersona(model);
    const view = inView(personal);
    const shownJourney = view.shown.journeys.find(j => j.name === view.journey?.name) ?? view.journey;
    updateWindowBar(view.windows);
    let svg: string;
    if (named) {
        svg = renderNamedViewSvg(personal, named, { idPrefix: 'view' });
    } else if (state.view === 'map' || !shownJourney) {
        drawnForWidth = paneWidth(); // a rewrap still pending from an earlier resize then finds nothing to do
        svg = mapViewSvg(model, view, { idPrefix: 'map', width: drawnForWidth, addable: !comparison && !playing });
    } else if (state.view === 'funnel') {
        svg = renderFunnelSvg(view.shown, shownJourney.name, { idPrefix: 'funnel' });
    } else if (state.view === 'portfolio') {
        if (!portfolio) {
            vscode.postMessage({ type: 'needPortfolio' });
            return;
        }
        svg = renderPortfolioSvg(portfolio, {
            idPrefix: 'portfolio',
            title: t('Opportunities of the workspace by value and effort')
        });
    } else if (state.view === 'blueprint') {
        svg = renderBlueprintSvg(personal, shownJourney.name, { idPrefix: 'blueprint' });
    } else {
        const source =
            state.view === 'mermaid'
                ? renderMermaidJourney(shownJourney, model.personas)
                : renderMermaidFlowchart(shownJourney);
        try {
            const mermaid = await loadMermaid(isDark());
            svg = (await mermaid.render(`mermaid-${ticket}`, source)).svg;
        } catch (error) {
            showBanner(
                t('Mermaid could not draw this view: {reason}', {
                    reason: error instanceof Error ? error.message : String(error)
                })
            );
            return;
        }
    }
    if (ticket !== renderCount) return; // a newer update has been drawn meanwhile
    canvas.innerHTML = svg;
    applyZoom();
    applyHighlight();
    gestures.afterDraw();
    statusMenu.afterDraw();
    document.body.dataset.rendered = String(ticket);
}

/** A story's slide: the step in front in the story's view, the note in the story bar. False when it is gone. */
function drawSlide(all: JourneyModel, slide: { story: string; index: number }, ticket: number): boolean {
    const story = all.stories?.find(candidate => candidate.name === slide.story);
    const places = story ? slidePlaces(all, story) : [];
    const index = Math.min(slide.index, places.length - 1);
    if (!story || index < 0) return false;
    // Only the slide shown is drawn: a story of ten slides over a large map is ten maps.
    const shown = drawStorySlide(all, story, places[index], { theme: isDark() ? 'dark' : 'light' });
    updateStoryBar({ note: shown.note ?? shown.where, index, count: places.length });
    canvas.innerHTML = shown.svg;
    applyZoom();
    document.body.dataset.rendered = String(ticket);
    return true;
}

function updateStoryBar(slide: { note: string; index: number; count: number } | undefined): void {
    const bar = document.getElementById('story-bar')!;
    bar.hidden = slide === undefined;
    if (!slide) return;
    document.getElementById('story-note')!.textContent = slide.note;
    document.getElementById('story-count')!.textContent = `${slide.index + 1} / ${slide.count}`;
    (document.getElementById('story-previous') as HTMLButtonElement).disabled = slide.index === 0;
    (document.getElementById('story-next') as HTMLButtonElement).disabled = slide.index === slide.count - 1;
}

function moveSlide(by: number): void {
    if (!playing) return;
    playing = { ...playing, index: Math.max(0, playing.index + by) };
    void draw();
}

/** The view buttons: the built-in views, then the file's; a view the file no longer names falls back to the map. */
function updateViewButtons(all: JourneyModel): void {
    const views = viewsOf(all, 'preview');
    if (!views.some(view => view.id === state.view)) state = { ...state, view: 'map' };
    const container = document.getElementById('views')!;
    const ids = views.map(view => view.id).join('\u0000');
    if (container.dataset.ids !== ids) {
        container.dataset.ids = ids;
        container.replaceChildren(...views.map(view => {
            const button = document.createElement('button');
            button.setAttribute('role', 'tab');
            button.dataset.view = view.id;
            button.textContent = view.label;
            if (view.named) button.classList.add('named-view');
            button.addEventListener('click', () => setView(view.id));
            return button;
        }));
    }
    container.querySelectorAll<HTMLButtonElement>('button')
        .forEach(button => button.setAttribute('aria-selected', String(button.dataset.view === state.view)));
}

function drawCompareMode(message: Extract<ToPreview, { type: 'compare' }>): void {
    const { result } = message;
    document.getElementById('compare-label')!.textContent = t('Comparing {file}: {base} ↔ working copy', {
        file: message.fileName,
        base: message.baseLabel
    });
    if (result.error || !result.before || !result.after) {
        showBanner(result.error ?? t('There is nothing to compare.'));
        return;
    }
    showBanner(undefined);
    const journeys = [
        ...result.after.journeys,
        ...result.before.journeys.filter(old => !result.after!.journeys.some(journey => journey.name === old.name))
    ];
    const journey = journeys.find(candidate => candidate.name === state.journey) ?? journeys[0];
    updatePicker(journeys);
    const first = !canvas.querySelector('.compare');
    const view = result.after.views?.find(candidate => candidate.name === state.view);
    canvas.replaceChildren(drawComparison(result, journey?.name, message.baseLabel, view));
    if (first) viewport.scrollTo(0, 0); // the change list is at the top
    applyZoom();
    document.body.dataset.rendered = String(++renderCount);
}

function updatePicker(journeys: Array<{ name: string; title?: string }>): void {
    picker.hidden = journeys.length < 2;
    picker.replaceChildren(...journeys.map(journey => {
        const option = document.createElement('option');
        option.value = journey.name;
        option.textContent = journey.title ?? journey.name;
        option.selected = journey.name === state.journey;
        return option;
    }));
}

/** The journey in view; for a large one (drawn a part at a time) its parts; and the model cut to the part shown. */
interface InView {
    journey?: JourneyMapModel;
    windows?: MapWindow[];
    shown: JourneyModel;
}

/**
 * The persona picker, shown when the journey's steps give emotions per persona: everyone's
 * curves, or one persona's map (as `render --persona`).
 */
function forChosenPersona(all: JourneyModel): JourneyModel {
    const journey = all.journeys.find(j => j.name === state.journey) ?? all.journeys[0];
    const personas = journey && hasPersonaEmotions(journey) ? personasWithEmotions(journey) : [];
    personaPicker.hidden = personas.length === 0;
    const everyone = document.createElement('option');
    everyone.value = '';
    everyone.textContent = t('Every persona');
    personaPicker.replaceChildren(everyone, ...personas.map(persona => {
        const option = document.createElement('option');
        option.value = option.textContent = persona;
        return option;
    }));
    const chosen = state.persona && personas.includes(state.persona) ? state.persona : '';
    personaPicker.value = chosen;
    return chosen ? modelForPersona(all, chosen) : all;
}

function inView(all: JourneyModel): InView {
    const journey = all.journeys.find(j => j.name === state.journey) ?? all.journeys[0];
    if (!journey || !isLargeJourney(journey)) return { journey, shown: all };
    const windows = windowsOf(journey);
    // The map may have shrunk since a part was chosen: keep to the parts there are.
    if (state.window !== undefined && state.window >= windows.length) state = { ...state, window: windows.length - 1 };
    return { journey, windows, shown: modelOfWindow(all, journey.name, state.window ?? 0) };
}

/** What the map view shows: the whole map, or for a large journey the overview or the part chosen. */
/** The map fits the pane (at the zoom chosen): its stages wrap into rows instead of one strip running off the side. */
function paneWidth(): number | undefined {
    const width = viewport.clientWidth;
    return width > 0 ? Math.floor(width / state.zoom) - 8 : undefined;
}

function mapViewSvg(all: JourneyModel, view: InView, options: MapRenderOptions): string {
    if (view.windows && state.window === undefined) return renderJourneyOverviewSvg(all, view.journey!.name, options);
    return renderJourneyMapSvg(view.shown, view.journey?.name, options);
}

/** The window bar of a large journey while a part of it is shown: back to the overview, which part, the neighbours. */
function updateWindowBar(windows: MapWindow[] = []): void {
    const bar = document.getElementById('window-bar')!;
    const shownWindow = windows[state.window ?? 0];
    bar.hidden = !shownWindow || (state.view === 'map' && state.window === undefined);
    if (!shownWindow) return;
    document.getElementById('window-label')!.textContent = t('Steps {from}–{to} of {steps}', {
        from: formatNumber(shownWindow.from + 1),
        to: formatNumber(shownWindow.to),
        steps: formatNumber(windows.at(-1)!.to)
    });
    (document.getElementById('window-previous') as HTMLButtonElement).disabled = shownWindow.index === 0;
    (document.getElementById('window-next') as HTMLButtonElement).disabled = shownWindow.index === windows.length - 1;
}

/** Shows a window of a large journey (`undefined`: the overview) from its top. */
function showWindow(index: number | undefined): void {
    state = { ...state, window: index };
    saveState();
    viewport.scrollTo(0, 0);
    void draw();
}

function showBanner(message: string | undefined): void {
    banner.hidden = message === undefined;
    banner.textContent = message ?? '';
}

function applyZoom(): void {
    canvas.style.transform = `scale(${state.zoom})`;
    document.getElementById('zoom-reset')!.textContent = `${Math.round(state.zoom * 100)}%`;
}

function applyHighlight(): void {
    canvas.querySelectorAll('.selected').forEach(element => element.classList.remove('selected'));
    if (highlighted && (state.view === 'map' || model?.views?.some(view => view.name === state.view))) {
        canvas
            .querySelectorAll(`[data-step="${CSS.escape(highlighted)}"]`)
            .forEach(element => element.classList.add('selected'));
    }
}

function setView(view: PreviewView): void {
    state = { ...state, view };
    playing = undefined;
    document
        .querySelectorAll<HTMLButtonElement>('#views button')
        .forEach(button => button.setAttribute('aria-selected', String(button.dataset.view === view)));
    saveState();
    void draw();
}

function zoomBy(factor: number): void {
    state = { ...state, zoom: Math.min(4, Math.max(0.1, Math.round(state.zoom * factor * 100) / 100)) };
    applyZoom();
    saveState();
    rewrapSoon();
}

/** The source range of what was clicked: a step, a stage or a persona. */
function rangeOfClicked(target: Element): SourceRange | undefined {
    const element = target.closest('[data-step],[data-stage],[data-persona]');
    // In compare mode only the current version's map leads to the text.
    if (!element || !model || element.closest('.compare-before,.compare-curves')) return undefined;
    const journey = model.journeys.find(j => j.name === state.journey) ?? model.journeys[0];
    const step = element.getAttribute('data-step');
    const stage = element.getAttribute('data-stage');
    const persona = element.getAttribute('data-persona');
    if (step) return journey?.stages.flatMap(s => s.steps).find(s => s.name === step)?.range;
    if (stage) return journey?.stages.find(s => s.name === stage)?.range;
    return model.personas.find(p => p.name === persona)?.range;
}

window.addEventListener('message', event => {
    const message = event.data as ToPreview;
    if (message.type === 'compare') {
        comparison = message;
        model = message.result.after ?? model;
        document.body.classList.add('comparing');
        document.getElementById('compare-bar')!.hidden = false;
        void draw();
    } else if (message.type === 'update') {
        if (comparison) endCompareMode();
        if (message.uri !== state.uri) {
            state = { ...state, uri: message.uri, journey: undefined, window: undefined };
            saveState();
        }
        const updated = message.delta !== undefined && model ? applyDelta(model, message.delta) : message.model;
        if (updated) {
            model = updated;
            // A map that says its language is drawn in it, whatever the editor speaks.
            useMessageBundle(message.messages ?? editorMessages);
            showBanner(undefined);
            void draw();
        } else if (message.error) {
            const where = `${message.fileName}:${message.error.line + 1}:${message.error.character + 1}`;
            showBanner(
                model
                    ? t('{where} {message} — showing the last valid map.', { where, message: message.error.message })
                    : `${where} ${message.error.message}`
            );
        }
    } else if (message.type === 'portfolio') {
        portfolio = message.rows;
        showBanner(message.error);
        if (state.view === 'portfolio') void draw();
    } else if (message.type === 'highlight') {
        highlighted = message.step;
        const wasPlaying = playing;
        // The cursor on a story's `show` plays that slide; in a step, the map comes back.
        if (message.slide) playing = message.slide;
        else if (message.step) playing = undefined;
        const sameSlide = playing?.story === wasPlaying?.story && playing?.index === wasPlaying?.index;
        if (!sameSlide) void draw();
        else applyHighlight();
    } else if (message.type === 'exportPng') {
        exportPng(message.scale).then(
            base64 => vscode.postMessage({ type: 'png', base64 }),
            error => vscode.postMessage({ type: 'png', error: error instanceof Error ? error.message : String(error) })
        );
    }
});

/** Draws the map SVG (ours: no foreignObject, so the canvas stays readable) onto a canvas. */
async function exportPng(scale: number): Promise<string> {
    if (!model) throw new Error(t('There is no map to export yet.'));
    const svg = mapViewSvg(model, inView(forChosenPersona(model)), {
        idPrefix: 'png',
        theme: isDark() ? 'dark' : 'light',
        width: paneWidth()
    });
    const image = new Image();
    image.src = svgDataUrl(svg);
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(image.width * scale);
    canvas.height = Math.ceil(image.height * scale);
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

function endCompareMode(): void {
    comparison = undefined;
    document.body.classList.remove('comparing');
    document.getElementById('compare-bar')!.hidden = true;
}

document.getElementById('compare-close')!.addEventListener('click', () => {
    endCompareMode();
    vscode.postMessage({ type: 'endCompare' });
});

canvas.addEventListener('click', event => {
    const part = event.target instanceof Element ? event.target.closest('[data-window]') : null;
    if (part) {
        showWindow(Number(part.getAttribute('data-window')));
        return;
    }
    // A portfolio dot or row: to the first step the opportunity addresses, in whichever file.
    const opportunity = event.target instanceof Element ? event.target.closest('[data-step-uri]') : null;
    if (opportunity) {
        const start = {
            line: Number(opportunity.getAttribute('data-step-line')),
            character: Number(opportunity.getAttribute('data-step-character'))
        };
        revealAfterClick(event, { uri: opportunity.getAttribute('data-step-uri')!, start, end: start });
        return;
    }
    const detailed = event.target instanceof Element ? event.target.closest('.detail-link') : null;
    const detail = detailed?.closest('[data-detail]');
    if (detail) {
        const uri = detail.getAttribute('data-detail-uri');
        const journey = detail.getAttribute('data-detail')!;
        vscode.postMessage({ type: 'openJourney', journey, ...(uri ? { uri } : {}) });
        return;
    }
    const metric = event.target instanceof Element ? event.target.closest('[data-origin]') : null;
    if (metric && !metric.closest('.compare-before')) {
        const line = Number(metric.getAttribute('data-origin-line'));
        vscode.postMessage({
            type: 'openData',
            uri: metric.getAttribute('data-origin')!,
            line: line > 0 ? line : undefined
        });
        return;
    }
    const range = event.target instanceof Element ? rangeOfClicked(event.target) : undefined;
    if (range) revealAfterClick(event, range);
});

/** How long a click on what a double-click edits waits to reveal its text: the double-click edits instead. */
const doubleClickMs = 350;
let pendingReveal: number | undefined;

function revealAfterClick(event: MouseEvent, range: SourceRange): void {
    window.clearTimeout(pendingReveal);
    if (event.detail > 1) return;
    const reveal = () => vscode.postMessage({ type: 'reveal', range });
    if (gestures.editsOnDoubleClick(event.target) || statusMenu.opensOnDoubleClick(event.target))
        pendingReveal = window.setTimeout(reveal, doubleClickMs);
    else reveal();
}
canvas.addEventListener('dblclick', () => window.clearTimeout(pendingReveal));

personaPicker.addEventListener('change', () => {
    state = { ...state, persona: personaPicker.value || undefined };
    saveState();
    void draw();
});
picker.addEventListener('change', () => {
    state = { ...state, journey: picker.value, window: undefined };
    saveState();
    void draw();
});

document
    .querySelectorAll<HTMLButtonElement>('#views button')
    .forEach(button => button.addEventListener('click', () => setView(button.dataset.view as PreviewView)));
document.getElementById('story-previous')!.addEventListener('click', () => moveSlide(-1));
document.getElementById('story-next')!.addEventListener('click', () => moveSlide(1));
document.getElementById('story-close')!.addEventListener('click', () => { playing = undefined; void draw(); });
document.getElementById('window-overview')!.addEventListener('click', () => {
    state = { ...state, window: undefined };
    setView('map');
});
document
    .getElementById('window-previous')!
    .addEventListener('click', () => showWindow(Math.max(0, (state.window ?? 0) - 1)));
document.getElementById('window-next')!.addEventListener('click', () => showWindow((state.window ?? 0) + 1));
// A wider or narrower pane (or a new zoom) wraps the map anew, once the resizing settles.
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
let drawnForWidth = paneWidth();
function rewrapSoon(): void {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
        if (paneWidth() === drawnForWidth || state.view !== 'map') return;
        drawnForWidth = paneWidth();
        void draw();
    }, 150);
}
new ResizeObserver(rewrapSoon).observe(viewport);
document.getElementById('zoom-in')!.addEventListener('click', () => zoomBy(1.25));
document.getElementById('zoom-out')!.addEventListener('click', () => zoomBy(0.8));
document.getElementById('zoom-reset')!.addEventListener('click', () => {
    state = { ...state, zoom: 1 };
    applyZoom();
    saveState();
});
viewport.addEventListener('wheel', event => {
    if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        zoomBy(event.deltaY < 0 ? 1.1 : 0.9);
    }
}, { passive: false });

// Drag the background to pan a large map.
let drag: { x: number; y: number } | undefined;
viewport.addEventListener('mousedown', event => {
    if (
        event.target instanceof Element &&
        !event.target.closest('[data-step],[data-stage],[data-persona],button,select,.add-button')
    ) {
        drag = { x: event.clientX, y: event.clientY };
        viewport.classList.add('panning');
    }
});
window.addEventListener('mousemove', event => {
    if (!drag) return;
    viewport.scrollBy(drag.x - event.clientX, drag.y - event.clientY);
    drag = { x: event.clientX, y: event.clientY };
});
window.addEventListener('mouseup', () => { drag = undefined; viewport.classList.remove('panning'); });

const style = document.createElement('style');
style.textContent = previewCss;
document.head.append(style);
setView(state.view);
applyZoom();
vscode.postMessage({ type: 'ready', state });
