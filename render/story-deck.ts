import {
    allSteps, displayName, type JourneyMapModel, type JourneyModel, type StageModel, type StepModel, type StoryModel
} from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { renderJourneyMapSvg, type MapRenderOptions } from './journey-map-svg.js';
import { renderNamedViewSvg } from './named-view.js';
import { svgDataUrl } from './journey-view.js';
import { escapeXml } from './svg.js';

/** One slide of a story, ready to draw: where its step is, the note, the picture with the step in front. */
export interface StorySlide {
    journey: string;
    step: string;
    /** `Journey › Stage › Step`, in titles. */
    where: string;
    note?: string;
    svg: string;
}

/**
 * The slides of a story: each its step's map (in the story's view, when it names one) with that
 * step in front and the rest dimmed. A slide whose step is gone (the map changed) is left out.
 */
export function storySlides(model: JourneyModel, story: StoryModel, options: MapRenderOptions = {}): StorySlide[] {
    return slidePlaces(model, story).map(place => drawStorySlide(model, story, place, options));
}

/** Where a slide's step is, before anything is drawn: what the preview needs to draw only the slide it shows. */
export interface SlidePlace {
    /** Its position among the story's `show` lines. */
    index: number;
    journey: JourneyMapModel;
    stage: StageModel;
    step: StepModel;
    note?: string;
}

/** The slides whose steps the map still has, in order. */
export function slidePlaces(model: JourneyModel, story: StoryModel): SlidePlace[] {
    return story.slides.flatMap((slide, index) => {
        const address = slide.address;
        const journey = address && !address.uri
            ? model.journeys.find(candidate => candidate.name === address.journey) : undefined;
        const stage = journey?.stages.find(candidate => candidate.name === address?.stage);
        const step = journey && allSteps(journey).find(candidate => candidate.name === address?.step);
        return journey && stage && step ? [{ index, journey, stage, step, note: slide.note }] : [];
    });
}

/** One slide drawn: its step's map in the story's view (or the whole map), the step in front. */
export function drawStorySlide(
    model: JourneyModel, story: StoryModel, place: SlidePlace, options: MapRenderOptions = {}
): StorySlide {
    const { journey, stage, step } = place;
    const view = story.view ? model.views?.find(candidate => candidate.name === story.view) : undefined;
    const drawing = { ...options, idPrefix: `slide-${place.index + 1}`, focus: [step.name] };
    const svg = view
        ? renderNamedViewSvg(model, view, { ...drawing, journey: journey.name })
        : renderJourneyMapSvg(model, journey.name, drawing);
    const where = [journey, stage, step].map(displayName).join(' › ');
    return { journey: journey.name, step: step.name, where, note: place.note, svg };
}

/**
 * A story as the body of a page: one `<section>` per slide, the first shown (`current`), each
 * with its note large, where it is, its picture and a progress line. Without a script the first
 * slide shows on screen and every slide prints on a page of its own (see storyCss).
 */
export function storyDeckHtml(story: StoryModel, slides: StorySlide[]): string {
    const title = displayName(story);
    const sections = slides.map((slide, index) => {
        const count = escapeXml(t('{index} / {count}', { index: index + 1, count: slides.length }));
        const where = escapeXml(slide.where);
        const opening = `<section class="slide${index === 0 ? ' current' : ''}" id="slide-${index + 1}"`
            + ` aria-roledescription="${escapeXml(t('slide'))}" aria-label="${count}">`;
        return `${opening}
<header><span class="story-title">${escapeXml(title)}</span> · <span class="where">${where}</span></header>
<h1 class="note">${escapeXml(slide.note ?? slide.where)}</h1>
<div class="picture"><img src="${svgDataUrl(slide.svg)}" alt="${where}"></div>
<footer><progress max="${slides.length}" value="${index + 1}" aria-label="${count}"></progress>\
<span class="count">${count}</span></footer>
</section>`;
    });
    const empty = slides.length === 0 ? `<p class="empty">${escapeXml(t('This story shows no step yet.'))}</p>` : '';
    const controls = `<nav class="controls" aria-label="${escapeXml(t('Slides'))}">`
        + `<button type="button" data-move="-1" aria-label="${escapeXml(t('Previous slide'))}">←</button>`
        + `<button type="button" data-move="1" aria-label="${escapeXml(t('Next slide'))}">→</button></nav>`;
    return `<main class="deck" data-slides="${slides.length}">\n${sections.join('\n')}${empty}\n</main>\n${controls}`;
}

/** A whole story page around the deck: the head is the caller's (its policy, and how the style and script arrive). */
export function storyDocument(story: StoryModel, language: string | undefined, head: string, body: string): string {
    return `<!DOCTYPE html>
<html lang="${escapeXml(language ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(displayName(story))}</title>
${head}
</head>
<body class="story">
${body}
</body>
</html>
`;
}

/** The deck's style: one slide on screen, the note large; printed, one slide a page (print to PDF makes a deck). */
export const storyCss = [
    'body.story{margin:0;',
    'font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;',
    'background:#fff;color:#1f2328}',
    '@media (prefers-color-scheme:dark){body.story{background:#0d1117;color:#e6edf3}}',
    '.slide{display:none;box-sizing:border-box;height:100vh;padding:2.5vh 4vw;flex-direction:column;gap:1.5vh}',
    '.slide.current{display:flex}',
    '.slide header{font-size:1rem;opacity:.75}',
    '.slide .note{font-size:clamp(1.6rem,4vw,3rem);line-height:1.25;margin:0}',
    '.slide .picture{flex:1;min-height:0;overflow:auto}',
    '.slide .picture img{max-width:100%;max-height:100%;object-fit:contain}',
    '.slide footer{display:flex;align-items:center;gap:1rem}',
    '.slide progress{flex:1;height:.4rem;accent-color:#8250df}',
    '.controls{position:fixed;right:1rem;bottom:1rem;display:flex;gap:.5rem}',
    '.controls button{font-size:1.25rem;min-width:2.75rem;min-height:2.75rem;cursor:pointer}',
    '.controls button:focus-visible{outline:3px solid #0969da;outline-offset:2px}',
    '@media print{.slide,.slide.current{display:flex;height:auto;min-height:95vh;',
    'break-after:page;page-break-after:always}',
    '.controls{display:none}.slide .picture{overflow:visible}}'
].join('');
