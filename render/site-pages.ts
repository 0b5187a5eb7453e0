import {
    allSteps, displayName, shareOfScale, type JourneyMapModel, type JourneyModel, type PersonaModel
} from '../model/journey-model.js';
import { heatmapHtml } from './site-heatmap.js';
import { t } from '../model/localisation.js';
import { formatMeasuredValue, formatTargetValue, statusWord } from '../metrics/metric-format.js';
import type { JourneyHealth } from '../analysis/journey-health.js';
import { escapeXml } from './svg.js';

/**
 * The pages of the static site of a repository's journeys (`journeymap site`): pure functions
 * from the models to HTML. Every text from a map is escaped; no page has an inline script or
 * style, and each says so in its Content-Security-Policy, so the site can be served anywhere.
 */

/** One journey's page: where it is, what it shows. Paths are relative to the site's root. */
export interface SiteJourney {
    page: string;
    /** The folder of its map, relative to the repository (`shop`), for grouping. */
    folder: string;
    /** Its map, relative to the repository. */
    file: string;
    journey: JourneyMapModel;
    model: JourneyModel;
    health: JourneyHealth;
    /** The pictures of its views, as files of the site. */
    views: Array<{ id: 'map' | 'blueprint' | 'funnel' | 'portfolio'; image: string }>;
    /** The model as a JSON file of the site: what `<journey-map src>` reads. */
    modelFile: string;
    /** The paths diagram's picture (render/paths-diagram-svg.ts). */
    pathsImage?: string;
    /** Steps detailed by a journey (`detail Repair`), with that journey's page where the site has it. */
    details?: Array<{ step: string; journey: string; page?: string }>;
    /** `2026-11-28`, the last commit that changed the map, where git knows it. */
    lastChange?: string;
}

/** The texts a journey's page shows besides its pictures. */
export interface JourneyTexts {
    mermaid: string;
    paths: string;
    source: string;
}

/** A map that does not check: a page with its first errors instead of its views. */
export interface SiteError {
    page: string;
    file: string;
    errors: Array<{ line: number; message: string }>;
}

export interface SiteEntry {
    kind: 'journey' | 'error' | 'view' | 'story';
    journey?: SiteJourney;
    error?: SiteError;
    /** A named view's or a story's page. */
    library?: SiteLibraryPage;
}

/** A page of a named view or a story of a map. */
export interface SiteLibraryPage {
    page: string;
    title: string;
    file: string;
}

export const sitePolicy =
    "default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/**
 * A link to a file of the site: each part of the path percent-encoded, so Chinese names and spaces work from `file://`
 * too.
 */
export function href(from: string, to: string): string {
    const depth = from.split('/').length - 1;
    return '../'.repeat(depth) + to.split('/').map(encodeURIComponent).join('/');
}

/** A page of the site: its policy, its stylesheet, the site's header, and scripts of the site only. */
export function sitePage(
    path: string, title: string, language: string | undefined, body: string, scripts: string[] = []
): string {
    return `<!DOCTYPE html>
<html lang="${escapeXml(language ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${sitePolicy}">
<title>${escapeXml(title)}</title>
<link rel="stylesheet" href="${href(path, 'assets/site.css')}">
${scripts.map(script => `<script src="${href(path, script)}" defer></script>`).join('\n')}
</head>
<body>
<header class="site"><a href="${href(path, 'index.html')}">${escapeXml(t('Journeys'))}</a> · <a href="${href(path, 'personas.html')}">${escapeXml(t('Personas'))}</a></header>
<main>
${body}
</main>
</body>
</html>
`;
}

/**
 * The front page: a search over journeys, steps, pains and opportunities; the heatmap of journeys
 * × stages; every journey by folder with a thumbnail and its health, to sort and filter (by
 * health, owner, persona, folder, last change: assets/site-index.js); the views and stories.
 */
export function siteIndexPage(entries: SiteEntry[], title: string): string {
    const folders = new Map<string, SiteEntry[]>();
    const maps = entries.filter(entry => entry.kind === 'journey' || entry.kind === 'error');
    for (const entry of maps) {
        const folder =
            entry.journey?.folder ??
            (entry.error!.file.includes('/') ? entry.error!.file.slice(0, entry.error!.file.lastIndexOf('/')) : '.');
        folders.set(folder, [...(folders.get(folder) ?? []), entry]);
    }
    const fileOf = (entry: SiteEntry) => entry.journey?.file ?? entry.error!.file;
    const sections = [...folders]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(
            ([folder, inFolder]) => [folder, [...inFolder].sort((a, b) => fileOf(a).localeCompare(fileOf(b)))] as const
        )
        .map(
            ([folder, inFolder]) => `<section class="folder">
<h2>${escapeXml(folder)}</h2>
<ul class="journeys">
${inFolder.map(indexItem).join('\n')}
</ul>
</section>`
        )
        .join('\n');
    const search = `<section class="search" aria-label="${escapeXml(t('Search'))}">
<label for="search">${escapeXml(t('Search journeys, steps, pains and opportunities'))}</label>
<input id="search" type="search" autocomplete="off">
<ul id="results" aria-live="polite"></ul>
</section>`;
    const journeys = maps.flatMap(entry => entry.journey ?? []);
    const body = [
        `<h1>${escapeXml(title)}</h1>`, search, heatmapHtml(journeys, 'index.html', href), filterControls(journeys),
        sections, libraryList(entries)
    ];
    const scripts = ['assets/search-index.js', 'assets/search.js', 'assets/site-index.js'];
    return sitePage('index.html', title, undefined, body.filter(Boolean).join('\n'), scripts);
}

/** A map of the index: a journey's card, or a map that does not check. */
function indexItem(entry: SiteEntry): string {
    if (!entry.journey) return `<li>${errorLine(entry.error!)}</li>`;
    return `<li ${journeyData(entry.journey)}>${journeyLine(entry.journey)}</li>`;
}

/** Sort and filter the journeys (a script of the site does it; without it every journey shows, by folder). */
function filterControls(journeys: SiteJourney[]): string {
    if (journeys.length === 0) return '';
    const options = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b))
        .map(value => `<option value="${escapeXml(value)}">${escapeXml(value)}</option>`).join('');
    const all = `<option value="">${escapeXml(t('all'))}</option>`;
    const select = (id: string, label: string, values: string[]) =>
        `<label>${escapeXml(label)} <select id="${id}">${all}${options(values)}</select></label>`;
    const sorts = [
        ['folder', t('folder')], ['health', t('health (worst first)')], ['name', t('name')],
        ['changed', t('last change (newest first)')]
    ].map(([value, label]) => `<option value="${value}">${escapeXml(label)}</option>`);
    return `<form class="filters" id="filters" aria-label="${escapeXml(t('Sort and filter the journeys'))}">
<label>${escapeXml(t('Sort by'))} <select id="sort">${sorts.join('')}</select></label>
${select('filter-owner', t('Owner'), journeys.flatMap(ownersOf))}
${select('filter-persona', t('Persona'), journeys.flatMap(entry => entry.journey.personas))}
${select('filter-folder', t('Folder'), journeys.map(entry => entry.folder))}
<span id="shown-count" aria-live="polite"></span>
</form>`;
}

/** Who owns something of a journey: its steps, blueprint actions, and the opportunities of its file. */
function ownersOf(entry: SiteJourney): string[] {
    const steps = allSteps(entry.journey);
    return [...new Set([
        ...steps.flatMap(step => step.owners ?? []),
        ...steps.flatMap(step => (step.blueprint ?? []).flatMap(action => action.owner ?? [])),
        ...(entry.model.opportunities ?? []).flatMap(opportunity => opportunity.owner ?? [])
    ])];
}

/** A number that sorts the journeys worst first: missed metrics, then the lowest emotion's place on its scale. */
function healthRank(entry: SiteJourney): number {
    const { metrics, lowest } = entry.health;
    const share = lowest ? shareOfScale(lowest.score, entry.journey.emotionScale) : 1;
    return metrics.missed * 10 + (1 - share) * 5 + metrics.close;
}

function libraryList(entries: SiteEntry[]): string {
    const pages = entries.filter(entry => entry.library);
    if (pages.length === 0) return '';
    const item = ({ library }: SiteEntry) => `<li><a href="${href('index.html', library!.page)}">`
        + `${escapeXml(library!.title)}</a> <span class="file">${escapeXml(library!.file)}</span></li>`;
    const list = (kind: SiteEntry['kind'], heading: string) => {
        const chosen = pages.filter(entry => entry.kind === kind);
        if (chosen.length === 0) return '';
        return `<h3>${escapeXml(heading)}</h3><ul class="library">${chosen.map(item).join('\n')}</ul>`;
    };
    const heading = `<h2>${escapeXml(t('Views and stories'))}</h2>`;
    return `<section class="views-and-stories">${heading}${list('view', t('Views'))}${list('story', t('Stories'))}</section>`;
}

/** What the index's script sorts and filters a journey by; lists as JSON arrays. */
function journeyData(entry: SiteJourney): string {
    const data = {
        'data-name': displayName(entry.journey), 'data-health': healthRank(entry).toFixed(3),
        'data-changed': entry.lastChange ?? '', 'data-folder': entry.folder,
        'data-owners': JSON.stringify(ownersOf(entry)), 'data-personas': JSON.stringify(entry.journey.personas)
    };
    const attributes = Object.entries(data).map(([name, value]) => `${name}="${escapeXml(value)}"`);
    return `class="journey-card" ${attributes.join(' ')}`;
}

function journeyLine(entry: SiteJourney): string {
    const { metrics, lowest, pains, openOpportunities } = entry.health;
    const facts = [
        `<span class="met">✓ ${metrics.met}</span> <span class="close">▲ ${metrics.close}</span> <span class="missed">✗ ${metrics.missed}</span>`,
        lowest ? escapeXml(t('lowest emotion {score} at {step}', { score: lowest.score, step: lowest.step })) : '',
        escapeXml(t('{count} pains', { count: pains })),
        escapeXml(t('{count} open opportunities', { count: openOpportunities })),
        entry.lastChange ? escapeXml(t('changed {date}', { date: entry.lastChange })) : ''
    ].filter(Boolean);
    const map = entry.views.find(view => view.id === 'map');
    const thumbnail = map ? `<img class="thumb" src="${href('index.html', map.image)}" alt="" loading="lazy">` : '';
    const link = `<a href="${href('index.html', entry.page)}">${escapeXml(displayName(entry.journey))}</a>`;
    return `${thumbnail}${link} <span class="file">${escapeXml(entry.file)}</span>
<div class="health">${facts.join(' · ')}</div>`;
}

function errorLine(error: SiteError): string {
    return `<a class="broken" href="${href('index.html', error.page)}">${escapeXml(error.file)}</a> <span class="missed">${escapeXml(t('does not check: {count} errors', { count: error.errors.length }))}</span>`;
}

/** A journey: its views, its metrics with their sources, and its text. */
export function journeyPage(entry: SiteJourney, texts: JourneyTexts): string {
    const { journey, model } = entry;
    const words: Record<SiteJourney['views'][number]['id'], string> = {
        map: t('Map'),
        blueprint: t('Blueprint'),
        funnel: t('Funnel'),
        portfolio: t('Portfolio')
    };
    const nav = [
        ...entry.views.map(view => [view.id, words[view.id]]),
        ['paths', t('Paths')],
        ['mermaid', t('Mermaid')],
        ['metrics', t('Metrics')],
        ['source', t('Source')]
    ]
        .map(([id, label]) => `<a href="#${id}">${escapeXml(label)}</a>`)
        .join(' ');
    const views = entry.views.map(view => {
        const image = `<img src="${href(entry.page, view.image)}" alt="${escapeXml(`${words[view.id]}: ${displayName(journey)}`)}">`;
        // The map through the custom element any page can embed, reading the model file; the
        // picture is there without scripts, and stays where the page may not fetch (file://).
        const shown =
            view.id === 'map'
                ? `<journey-map src="${href(entry.page, entry.modelFile)}" journey="${escapeXml(journey.name)}">${image}</journey-map>`
                : image;
        return `<section id="${view.id}" class="view"><h2>${escapeXml(words[view.id])}</h2>\n<div class="picture">${shown}</div></section>`;
    });
    const body = `<h1>${escapeXml(displayName(journey))}</h1>
<p class="file">${escapeXml(entry.file)}${entry.lastChange ? ` · ${escapeXml(t('changed {date}', { date: entry.lastChange }))}` : ''}</p>
${journey.documentation ? `<p class="documentation">${escapeXml(journey.documentation)}</p>` : ''}
<nav class="views">${nav}</nav>
${views.join('\n')}
${detailsSection(entry)}
<section id="paths"><h2>${escapeXml(t('Paths'))}</h2>
${pathsPicture(entry)}
<details><summary>${escapeXml(t('As a Mermaid flowchart (GitHub and most docs sites draw it):'))}</summary><pre><code>${escapeXml(texts.paths)}</code></pre></details></section>
<section id="mermaid"><h2>${escapeXml(t('Mermaid'))}</h2><pre><code>${escapeXml(texts.mermaid)}</code></pre></section>
<section id="metrics"><h2>${escapeXml(t('Metrics'))}</h2>${metricTable(journey, model)}</section>
<section id="source"><h2>${escapeXml(t('Source'))}</h2><pre><code>${escapeXml(texts.source)}</code></pre></section>`;
    return sitePage(entry.page, displayName(journey), model.language, body, ['assets/journey-map.js']);
}

/** The paths diagram, or for a journey whose steps simply follow one another, a sentence that says so. */
function pathsPicture(entry: SiteJourney): string {
    if (!entry.pathsImage) {
        return `<p>${escapeXml(t('The steps follow one another in the order of the map: no branches, loops or links of their own.'))}</p>`;
    }
    const alt = escapeXml(t('Paths of {title}', { title: displayName(entry.journey) }));
    return `<div class="picture"><img src="${href(entry.page, entry.pathsImage)}" alt="${alt}"></div>`;
}

/** The steps another journey tells in detail, each a link to that journey's page. */
function detailsSection(entry: SiteJourney): string {
    if (!entry.details?.length) return '';
    const items = entry.details.map(detail => {
        const title = escapeXml(detail.journey);
        const target = detail.page ? `<a href="${href(entry.page, detail.page)}">${title}</a>` : title;
        return `<li>${escapeXml(detail.step)} ↳ ${target}</li>`;
    });
    return `<section id="details"><h2>${escapeXml(t('In detail'))}</h2><ul>${items.join('\n')}</ul></section>`;
}

function metricTable(journey: JourneyMapModel, model: JourneyModel): string {
    const rows = allSteps(journey).flatMap(step => step.metrics.map(value => {
        const metric = model.metrics.find(candidate => candidate.name === value.metric);
        const source = value.link
            ? `${value.link.source}.${value.link.column}${value.origin?.line ? ` (${t('line {line}', { line: value.origin.line })})` : ''}`
            : '';
        return [
            displayName(step),
            metric ? displayName(metric) : value.metric,
            formatMeasuredValue(value, metric),
            formatTargetValue(metric) ?? '',
            statusWord(value.status),
            source
        ];
    }));
    if (rows.length === 0) return `<p>${escapeXml(t('No metric values in these maps.'))}</p>`;
    const header = [t('step'), t('metric'), t('value'), t('target'), t('status'), t('source')];
    return `<table><thead><tr>${header.map(cell => `<th>${escapeXml(cell)}</th>`).join('')}</tr></thead>
<tbody>${rows.map(row => `<tr>${row.map(cell => `<td>${escapeXml(cell)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;
}

/** A map that does not check: its first errors with their lines, and the text. */
export function errorPage(error: SiteError, source: string): string {
    const body = `<h1>${escapeXml(error.file)}</h1>
<p class="missed">${escapeXml(t('This map does not check, so it is not drawn. Run `journeymap check` on it.'))}</p>
<ul class="errors">${error.errors.map(entry => `<li>${escapeXml(t('line {line}', { line: entry.line }))}: ${escapeXml(entry.message)}</li>`).join('\n')}</ul>
<section id="source"><h2>${escapeXml(t('Source'))}</h2><pre><code>${escapeXml(source)}</code></pre></section>`;
    return sitePage(error.page, error.file, undefined, body);
}

/** A persona of the site, with the journeys (and their steps) it takes part in. */
export interface SitePersona {
    persona: PersonaModel;
    page: string;
    places: Array<{ entry: SiteJourney; steps: string[] }>;
}

/** Every persona of the site's maps, by name, with where each takes part. */
export function sitePersonas(journeys: SiteJourney[]): SitePersona[] {
    const personas = new Map<string, SitePersona>();
    for (const entry of journeys) {
        for (const persona of entry.model.personas) {
            const known = personas.get(persona.name) ?? { persona, page: `p/${slugOf(persona.name)}.html`, places: [] };
            const steps = allSteps(entry.journey)
                .filter(step =>
                    (step.personas.length > 0 ? step.personas : entry.journey.personas).includes(persona.name)
                )
                .map(displayName);
            if (entry.journey.personas.includes(persona.name) || steps.length > 0) known.places.push({ entry, steps });
            personas.set(persona.name, known);
        }
    }
    return [...personas.values()].sort((a, b) => a.persona.name.localeCompare(b.persona.name));
}

/**
 * A file name for a path or a name: letters of any script kept, separators and characters file systems refuse replaced.
 */
export function slugOf(text: string): string {
    return text.replace(/\.journey$/, '').replace(/[\\/:*?"<>|\s#%&{}$!'@+`=]+/g, '_').replace(/^\.+/, '_');
}

/** The whole persona card: role, goals, frustrations, quote; its heading links to `link` when given. */
export function personaCard(persona: PersonaModel, link?: string): string {
    const title = escapeXml(displayName(persona));
    return `<h2>${link ? `<a href="${link}">${title}</a>` : title}</h2>
${persona.role ? `<p class="role">${escapeXml(persona.role)}</p>` : ''}
${textList(t('Goals'), persona.goals)}
${textList(t('Frustrations'), persona.frustrations)}
${persona.quote ? `<blockquote>${escapeXml(persona.quote)}</blockquote>` : ''}`;
}

/** A heading and its texts as a list; nothing when there are none. */
function textList(heading: string, texts: string[]): string {
    if (texts.length === 0) return '';
    return `<h3>${escapeXml(heading)}</h3><ul>${texts.map(text => `<li>${escapeXml(text)}</li>`).join('')}</ul>`;
}

/** The journeys a persona takes part in, with its steps in each, as links from `from`. */
export function personaPlaces(places: SitePersona['places'], from: string): string {
    const items = places.map(({ entry, steps }) => {
        const link = `<a href="${href(from, entry.page)}">${escapeXml(displayName(entry.journey))}</a>`;
        return `<li>${link}${steps.length ? `: ${escapeXml(steps.join(', '))}` : ''}</li>`;
    });
    return `<ul>${items.join('\n')}</ul>`;
}

/** Every persona, its card and the journeys and steps it appears in; each links to its own page. */
export function personasPage(journeys: SiteJourney[], personas = sitePersonas(journeys)): string {
    const cards = personas.map(({ persona, page, places }) => `\
<section class="persona" id="${escapeXml(persona.name)}">
${personaCard(persona, href('personas.html', page))}
${personaPlaces(places, 'personas.html')}
</section>`);
    return sitePage(
        'personas.html',
        t('Personas'),
        undefined,
        `<h1>${escapeXml(t('Personas'))}</h1>\n${cards.join('\n') || `<p>${escapeXml(t('No personas.'))}</p>`}`
    );
}

/** What the search finds: one record per journey, step, pain and opportunity, with the page it is on. */
export interface SearchRecord {
    kind: 'journey' | 'step' | 'pain' | 'opportunity';
    text: string;
    journey: string;
    page: string;
}

export function searchRecords(journeys: SiteJourney[]): SearchRecord[] {
    return journeys.flatMap(entry => {
        const journey = displayName(entry.journey);
        const at = (kind: SearchRecord['kind'], text: string): SearchRecord => ({
            kind,
            text,
            journey,
            page: entry.page
        });
        const steps = allSteps(entry.journey);
        return [
            at('journey', journey),
            ...steps.map(step => at('step', displayName(step))),
            ...steps.flatMap(step => step.pains.map(pain => at('pain', pain))),
            ...steps.flatMap(step =>
                [...step.opportunities, ...(step.opportunityRefs ?? [])].map(text => at('opportunity', text))
            ),
            ...(entry.model.opportunities ?? []).map(opportunity => at('opportunity', displayName(opportunity)))
        ];
    });
}
