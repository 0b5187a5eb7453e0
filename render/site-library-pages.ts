import { displayName, type JourneyModel, type StoryModel, type ViewModel } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { href, personaCard, personaPlaces, sitePage, sitePolicy, type SitePersona } from './site-pages.js';
import { storyDeckHtml, storyDocument, type StorySlide } from './story-deck.js';
import { escapeXml } from './svg.js';

/** A named view's page: what it shows, and its picture (a file of the site) in one scrollable strip. */
export function viewPage(page: string, file: string, view: ViewModel, image: string, model: JourneyModel): string {
    const facts = [
        t('Journeys: {names}', { names: view.journeys.join(', ') || t('all') }),
        t('Persona: {name}', { name: view.persona ?? t('all') }),
        t('Lanes: {lanes}', { lanes: view.lanes.join(', ') || t('all') }),
        ...(view.stages.length > 0 ? [t('Stages: {names}', { names: view.stages.join(', ') })] : [])
    ];
    const body = `<h1>${escapeXml(displayName(view))}</h1>
<p class="file">${escapeXml(file)} · ${escapeXml(t('view {name}', { name: view.name }))}</p>
<p class="where">${facts.map(escapeXml).join(' · ')}</p>
<div class="picture"><img src="${href(page, image)}" alt="${escapeXml(displayName(view))}"></div>`;
    return sitePage(page, displayName(view), model.language, body);
}

/** A story's page of the site: the deck, with the site's style sheet for it and its player (files of the site). */
export function storySitePage(page: string, story: StoryModel, slides: StorySlide[], language?: string): string {
    const head = `<meta http-equiv="Content-Security-Policy" content="${sitePolicy}">
<link rel="stylesheet" href="${href(page, 'assets/story.css')}">
<script src="${href(page, 'assets/story.js')}" defer></script>`;
    const back = `<p class="back"><a href="${href(page, 'index.html')}">${escapeXml(t('Journeys'))}</a></p>`;
    return storyDocument(story, language, head, `${storyDeckHtml(story, slides)}\n${back}`);
}

/** A persona's own page: the whole card, and the journeys it takes part in. */
export function personaPage({ persona, page, places }: SitePersona): string {
    const body = `<section class="persona">${personaCard(persona)}</section>
<h2>${escapeXml(t('Journeys'))}</h2>
${personaPlaces(places, page)}`;
    return sitePage(page, displayName(persona), undefined, body);
}
