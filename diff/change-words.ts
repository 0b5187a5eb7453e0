import type {
    DataSourceModel,
    MeasuredEmotionModel,
    MetricModel,
    MetricValueModel,
    Scale,
    SurveySample
} from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { comparisonSymbol, formatMetricValue, formatNumber, sampleText } from '../metrics/metric-format.js';
import type { ElementKind } from './model-fields.js';

/** An element as a sentence starts with it: `Persona`, `Data source`. */
export function elementWord(element: ElementKind): string {
    switch (element) {
        case 'file': return t('File');
        case 'import': return t('Import');
        case 'persona': return t('Persona');
        case 'channel': return t('Channel');
        case 'metric': return t('Metric');
        case 'data-source': return t('Data source');
        case 'opportunity': return t('Opportunity');
        case 'journey': return t('Journey');
        case 'stage': return t('Stage');
        case 'step': return t('Step');
        case 'emotion': case 'persona-emotion': return t('Emotion');
        case 'metric-value': return t('Metric value');
        case 'claim': return t('Evidence');
        case 'lane-action': return t('Blueprint action');
        case 'view': return t('View');
        case 'story': return t('Story');
    }
}

/** A lane of the service blueprint as a reviewer calls it. */
export function laneWord(lane: string): string {
    switch (lane) {
        case 'frontstage': return t('frontstage');
        case 'backstage': return t('backstage');
        default: return t('support');
    }
}

/** A field as a reviewer calls it. Fields of a list are named in the singular: one item changes at a time. */
export function fieldWord(field: string): string {
    switch (field) {
        case 'title': return t('title');
        case 'role': return t('role');
        case 'goals': return t('goal');
        case 'frustrations': return t('frustration');
        case 'quote': return t('quote');
        case 'documentation': return t('description');
        case 'accessibleTitle': return t('accessible title');
        case 'kind': return t('kind');
        case 'unit': return t('unit');
        case 'currency': return t('currency');
        case 'scale': return t('scale');
        case 'target': return t('target');
        case 'warn': return t('warning band');
        case 'aggregate': return t('aggregation');
        case 'path': return t('path');
        case 'period': return t('period column');
        case 'alias': return t('namespace');
        case 'language': return t('language');
        case 'personas': return t('persona');
        case 'starts': return t('start step');
        case 'emotionScale': return t('emotion scale');
        case 'channels': return t('channel');
        case 'touchpoints': return t('touchpoint');
        case 'pains': return t('pain point');
        case 'opportunities': return t('opportunity');
        case 'momentsOfTruth': return t('moment of truth');
        case 'next': return t('next step');
        case 'feeling': return t('feeling');
        case 'note': return t('note');
        case 'score': return t('score');
        case 'value': return t('value');
        case 'link': return t('data link');
        case 'owner': case 'owners': return t('owner');
        case 'status': return t('status');
        case 'effort': return t('effort');
        case 'addresses': return t('addressed step');
        case 'expects': return t('expected metric');
        case 'evidence': return t('evidence');
        case 'opportunityRefs': return t('opportunity');
        case 'confidence': return t('confidence');
        case 'lane': return t('lane');
        case 'failPoints': return t('fail point');
        case 'query': return t('query');
        case 'measuredEmotion': return t('measured emotion');
        case 'quotes': return t('customer quote');
        case 'sample': return t('sample');
        case 'journeys': return t('journeys');
        case 'persona': return t('persona');
        case 'lanes': return t('lanes');
        case 'stages': return t('stages');
        case 'view': return t('view');
        case 'slides': return t('slides');
        case 'detail': return t('detail journey');
        default: return field;
    }
}

/**
 * A field's value as text or a number, the way a reviewer reads it: `≥ 70%`, `1..7`,
 * `funnel.conversion where step = "see-ad"`, texts in quotes. Undefined stays undefined.
 */
export function valueText(field: string, value: unknown, metric?: MetricModel): string | number | undefined {
    if (value === undefined) return undefined;
    switch (field) {
        case 'target': {
            const target = value as NonNullable<MetricModel['target']>;
            return `${comparisonSymbol(target.comparison)} ${formatMetricValue(target.value, metric)}`;
        }
        case 'scale':
        case 'emotionScale':
            return `${(value as Scale).min}..${(value as Scale).max}`;
        case 'link':
            return linkText(value as NonNullable<MetricValueModel['link']>);
        case 'sample':
            return sampleText(value as SurveySample, metric);
        case 'query': {
            const query = value as NonNullable<DataSourceModel['query']>;
            return `${quoted(query.path)} ${query.engine === 'postgres' ? 'on postgres' : '(DuckDB)'}`;
        }
        case 'measuredEmotion': {
            const measured = value as MeasuredEmotionModel;
            return t('{score} ({mean} of {min}..{max}, n = {n}) from {link}', {
                score: formatNumber(measured.score),
                mean: formatNumber(measured.mean),
                min: measured.answerScale.min,
                max: measured.answerScale.max,
                n: measured.n,
                link: linkText(measured.link)
            });
        }
        case 'expects': {
            const expects = value as { metric: string; target?: { comparison: '>=' | '<='; value: number } };
            return expects.target
                ? `${expects.metric} ${comparisonSymbol(expects.target.comparison)} ${formatNumber(expects.target.value)}`
                : expects.metric;
        }
        case 'value':
            return metric ? formatMetricValue(value as number, metric) : (value as number);
        case 'warn':
            return formatMetricValue(value as number, metric);
        // Free texts in quotes; keywords and names (`online`, `烦躁`, `week`) as written.
        case 'title':
        case 'role':
        case 'quote':
        case 'quotes':
        case 'documentation':
        case 'accessibleTitle':
        case 'note':
        case 'path':
        case 'owner':
            return quoted(String(value));
        default:
            return typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value);
    }
}

/** `funnel.conversion where step = "see-ad" and region = "north"`, as written. */
function linkText(link: NonNullable<MetricValueModel['link']>): string {
    const conditions = link.conditions.map(
        condition =>
            `${condition.key} = ${typeof condition.value === 'number' ? formatNumber(condition.value) : JSON.stringify(condition.value)}`
    );
    return `${link.source}.${link.column}${conditions.length > 0 ? ` where ${conditions.join(' and ')}` : ''}`;
}

/** A text in quotes that cannot be confused with the sentence around it. */
export function quoted(text: string): string {
    return `“${text}”`;
}
