import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { Range } from 'vscode-languageserver';
import { isJourney, isMetricValue, isStep, type DataLink, type DataSource, type JourneyAstType, type MeasuredEmotion } from '../generated/ast.js';
import { IssueCodes, type IssueData } from '../journey-issue-codes.js';
import type { JourneyServices } from '../journey-module.js';
import { checkMetricValue } from '../metric-units.js';
import { t } from '../../model/localisation.js';
import { describeConditions, describeUnknownColumn, isCompleteLink, places, resolveDataLink, type LinkPart, type LinkResolution, type LinkShape } from '../../metrics/data-link.js';
import { linkProblem, resolveMeasuredEmotion, resolveSurveyLink } from '../../metrics/survey-link.js';
import { emotionScaleOf } from '../journey-values.js';
import { isSurveyUnit, minimumSample, surveyAnswerScales } from '../../metrics/survey-scores.js';
import { formatNumber, formatWithMargin } from '../../metrics/metric-format.js';
import type { DataTable } from '../../metrics/data-table.js';
import type { Scale } from '../../model/journey-model.js';
import { queryEngineOf, unknownEngineMessage, type DataSources, type LoadedSource } from '../journey-data-sources.js';
import { describePeriodProblem, periodProblemOf } from '../../metrics/period-values.js';

export function registerDataLinkChecks(services: JourneyServices): void {
    const validator = new DataLinkValidator(services.journey.DataSources);
    const checks: ValidationChecks<JourneyAstType> = {
        DataSource: validator.checkSource,
        DataLink: validator.checkLink,
        MeasuredEmotion: validator.checkMeasuredEmotion
    };
    services.validation.ValidationRegistry.register(checks, validator);
}

/** Checks that data sources exist inside the workspace and that each link finds one number. */
export class DataLinkValidator {
    constructor(private readonly sources: DataSources) {}

    async checkSource(source: DataSource, accept: ValidationAcceptor): Promise<void> {
        if (source.eventLog) return; // an event log is checked by its columns alone (event-log-checks.ts)
        const loaded = await this.sources.load(source);
        const at = { node: source, property: 'path' } as const;
        if (source.engine !== undefined && queryEngineOf(source) === undefined) {
            accept('error', unknownEngineMessage(source.engine),
                { node: source, property: 'engine', code: IssueCodes.QueryEngineUnknown, data: { code: IssueCodes.QueryEngineUnknown } });
        }
        if (loaded.kind === 'missing' && source.query !== undefined) {
            accept('error', t('Data file "{path}" does not exist yet: run `journeymap data pull` to write it from "{query}".', { path: source.path, query: source.query }), { ...at, code: IssueCodes.DataFileNotFound, data: { code: IssueCodes.DataFileNotFound } });
        } else if (loaded.kind !== 'table') {
            reportSourceFile(source, loaded, accept);
        } else if (source.period !== undefined && !loaded.table.columns.includes(source.period)) {
            const { message, suggestions } = describeUnknownColumn(source.period, loaded.table.columns, t('period column'));
            const data: IssueData = { code: IssueCodes.DataColumnUnknown, suggestions };
            accept('error', message, { node: source, property: 'period', code: IssueCodes.DataColumnUnknown, data });
        } else if (source.period !== undefined) {
            const problem = periodProblemOf(loaded.table, source.period);
            if (problem) {
                accept('error', describePeriodProblem(problem, loaded.table, source.period), { node: source, property: 'period', code: IssueCodes.DataPeriodInvalid, data: { code: IssueCodes.DataPeriodInvalid } });
            }
        }
    }

    async checkLink(link: DataLink, accept: ValidationAcceptor): Promise<void> {
        const loaded = await this.tableOf(link);
        if (!loaded) return;
        const { table, source } = loaded;
        if (link.$containerProperty === 'quoteLinks') {
            const problem = linkProblem(link, table);
            if (problem) reportProblem(link, problem, accept);
            return;
        }
        const metric = AstUtils.getContainerOfType(link, isMetricValue)?.metric?.ref;
        if (metric && isSurveyUnit(metric.unit)) {
            const answers = resolveSurveyLink(link, table, metric.unit, source.period);
            if (answers.kind === 'problem') return reportProblem(link, answers, accept);
            reportRejected(link, table, answers.rejected, surveyAnswerScales[metric.unit], accept);
            const n = answers.score?.n ?? 0;
            if (n < minimumSample) {
                const value = answers.score ? ` ${formatWithMargin(answers.score.value, answers.score, { unit: metric.unit })}` : '';
                accept('warning', t('{metric}{value} rests on {n} answers: fewer than {minimum} make it too uncertain to act on.', { metric: metric.title ?? metric.name, value, n, minimum: minimumSample }),
                    { node: link, code: IssueCodes.LowSample, data: { code: IssueCodes.LowSample } });
            }
            return;
        }
        const resolution = resolveDataLink(link, table, source.period);
        if (resolution.kind === 'problem' && resolution.ofSource) return; // reported once, at the source
        if (resolution.kind === 'problem') return reportProblem(link, resolution, accept);
        const problem = metric && checkMetricValue(metric, resolution.value, 'linked');
        if (problem) {
            accept('error', problem.message, { node: link, code: problem.code, data: { code: problem.code } });
        }
    }

    /**
     * `emotion from survey.score scale 0..10`: the answers exist and fit the scale, there are
     * enough of them, and a hint where the team's written emotion is more than a point off.
     */
    async checkMeasuredEmotion(measured: MeasuredEmotion, accept: ValidationAcceptor): Promise<void> {
        const loaded = await this.tableOf(measured);
        const journey = AstUtils.getContainerOfType(measured, isJourney);
        if (!loaded || !journey || !measured.scale || !(measured.scale.min < measured.scale.max)) return; // the range check reports a bad scale
        const journeyScale = emotionScaleOf(journey);
        const result = resolveMeasuredEmotion(measured, measured.scale, loaded.table, journeyScale, loaded.source.period);
        if (result.kind === 'problem') return reportProblem(measured, result, accept);
        reportRejected(measured, loaded.table, result.rejected, measured.scale, accept);
        if (result.n < minimumSample) {
            accept('warning', t('The measured emotion rests on {n} answers: fewer than {minimum} make it too uncertain to act on.', { n: result.n, minimum: minimumSample }),
                { node: measured, code: IssueCodes.LowSample, data: { code: IssueCodes.LowSample } });
        }
        const written = AstUtils.getContainerOfType(measured, isStep)?.emotions.find(emotion => !emotion.persona && typeof emotion.score === 'number');
        if (written && result.score !== undefined && Math.abs(result.score - written.score) > 1) {
            accept('hint', t("Customers' answers put this step at {measured} (mean {mean} of {min}..{max}, n = {n}); the map says {written}. The team's belief may be wrong here.", {
                measured: formatNumber(result.score), mean: formatNumber(result.mean!), min: measured.scale.min, max: measured.scale.max, n: result.n, written: written.score
            }), { node: measured, code: IssueCodes.EmotionBeliefGap, data: { code: IssueCodes.EmotionBeliefGap } });
        }
    }

    /** The table a link reads, when the link parsed whole and its source could be read (the source reports its own problems). */
    private async tableOf(link: LinkShape & { source?: DataLink['source'] }): Promise<{ table: DataTable; source: DataSource } | undefined> {
        const source = link.source?.ref;
        if (!source || !isCompleteLink(link)) return undefined; // text that did not parse: the parser reports it
        const loaded = await this.sources.load(source);
        return loaded.kind === 'table' ? { table: loaded.table, source } : undefined;
    }
}

/** A data file that is outside the workspace, missing or unreadable, reported at the source's path. */
export function reportSourceFile(
    source: DataSource, loaded: Extract<LoadedSource, { kind: 'outside' | 'missing' | 'unreadable' }>, accept: ValidationAcceptor
): void {
    const at = { node: source, property: 'path' } as const;
    const path = source.path;
    if (loaded.kind === 'outside') {
        accept('error', t('Data path "{path}" {reason}.', { path, reason: loaded.reason }),
            { ...at, code: IssueCodes.PathOutsideWorkspace, data: { code: IssueCodes.PathOutsideWorkspace } });
    } else if (loaded.kind === 'missing') {
        accept('error', t('Data file "{path}" does not exist (looked for {file}).', { path, file: loaded.uri.path }),
            { ...at, code: IssueCodes.DataFileNotFound, data: { code: IssueCodes.DataFileNotFound } });
    } else {
        accept('error', t('Cannot read data file "{path}": {reason}.', { path, reason: loaded.reason }),
            { ...at, code: IssueCodes.DataFileUnreadable, data: { code: IssueCodes.DataFileUnreadable } });
    }
}

function reportProblem(link: DataLink | MeasuredEmotion, problem: Extract<LinkResolution, { kind: 'problem' }>, accept: ValidationAcceptor): void {
    if (problem.ofSource) return;
    const data: IssueData = { code: problem.code, suggestions: problem.suggestions };
    accept('error', problem.message, { ...locate(link, problem.at), code: problem.code, data } as never);
}

/** Answers outside their scale are left out of the value; the warning names where they are. */
function reportRejected(link: DataLink | MeasuredEmotion, table: DataTable, rows: readonly number[], scale: Scale, accept: ValidationAcceptor): void {
    if (rows.length === 0) return;
    accept('warning', t("{count} answers in column '{column}' matching {conditions} are not numbers within {min}..{max} ({where}); they are left out.", {
        count: rows.length, column: link.column, conditions: describeConditions(link), min: scale.min, max: scale.max, where: places(table, rows)
    }), { node: link, property: 'column', code: IssueCodes.AnswerOutOfRange, data: { code: IssueCodes.AnswerOutOfRange } });
}

function locate(link: DataLink | MeasuredEmotion, at: LinkPart): { node: DataLink | MeasuredEmotion; property?: string; range?: Range } {
    switch (at.part) {
        case 'column':
            return { node: link, property: 'column' };
        case 'key':
            return { node: at.condition as never, property: 'key' };
        case 'condition':
            return { node: at.condition as never };
        case 'where': {
            const first = link.conditions[0]?.$cstNode;
            const last = link.conditions[link.conditions.length - 1]?.$cstNode;
            return first && last ? { node: link, range: { start: first.range.start, end: last.range.end } } : { node: link };
        }
    }
}
