import { displayName } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { stageHealth, type StageHealth } from '../analysis/stage-health.js';
import type { SiteJourney } from './site-pages.js';
import { escapeXml } from './svg.js';

/** More stage titles than this across the site, and the columns are stage positions instead (1st, 2nd…). */
const maxTitledColumns = 16;

/**
 * The heatmap of the site's journeys × stages: a cell per stage, coloured by its lowest emotion
 * (heat-0 worst … heat-4 best), marked with its missed metrics (✗) and pains (−), each a link to
 * its journey. Columns are the stage titles the journeys share, in the order they first come.
 */
export function heatmapHtml(journeys: SiteJourney[], from: string, href: (from: string, to: string) => string): string {
    if (journeys.length === 0) return '';
    const rows = journeys.map(entry => ({ entry, stages: stageHealth(entry.journey) }));
    const titles = [...new Set(rows.flatMap(row => row.stages.map(stage => stage.title)))];
    const byTitle = titles.length <= maxTitledColumns;
    const widest = Math.max(...rows.map(row => row.stages.length));
    const columns = byTitle ? titles
        : Array.from({ length: widest }, (_, index) => t('stage {index}', { index: index + 1 }));
    const headings = [t('Journey'), ...columns].map(column => `<th scope="col">${escapeXml(column)}</th>`);
    const head = `<tr>${headings.join('')}</tr>`;
    const body = rows.map(({ entry, stages }) => {
        const link = href(from, entry.page);
        const cells = columns.map((column, index) => {
            const stage = byTitle ? stages.find(candidate => candidate.title === column) : stages[index];
            return stage ? heatCell(stage, link) : '<td class="heat-empty"></td>';
        });
        const name = `<th scope="row"><a href="${link}">${escapeXml(displayName(entry.journey))}</a></th>`;
        return `<tr>${name}${cells.join('')}</tr>`;
    });
    const legend = t(
        'Colour: the lowest emotion of the stage, red (worst) to green (best). ✗ metrics that miss their target, − pains.'
    );
    const title = `<h2 id="heatmap-title">${escapeXml(t('Journeys × stages'))}</h2>`;
    return `<section class="heatmap" aria-labelledby="heatmap-title">${title}
<div class="heatmap-scroll"><table class="heatmap-table"><thead>${head}</thead>
<tbody>${body.join('\n')}</tbody></table></div>
<p class="legend">${escapeXml(legend)}</p></section>`;
}

function heatCell(stage: StageHealth, link: string): string {
    const heat = stage.share === undefined ? 'heat-none' : `heat-${Math.min(4, Math.floor(stage.share * 5))}`;
    const marks = [
        stage.lowest === undefined ? '' : `<span class="score">${stage.lowest}</span>`,
        stage.missed > 0 ? `<span class="missed-mark">✗${stage.missed}</span>` : '',
        stage.pains > 0 ? `<span class="pain-mark">−${stage.pains}</span>` : ''
    ].filter(Boolean).join(' ');
    const label = [
        stage.title,
        stage.lowest === undefined ? t('no emotion') : t('lowest emotion {score}', { score: stage.lowest }),
        t('{count} missed metrics', { count: stage.missed }), t('{count} pains', { count: stage.pains })
    ].join(' · ');
    const described = `title="${escapeXml(label)}" aria-label="${escapeXml(label)}"`;
    return `<td class="${heat}"><a href="${link}" ${described}>${marks || '·'}</a></td>`;
}
