import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { Range } from 'vscode-languageserver';
import { isMetricValue, type DataLink, type DataSource, type JourneyAstType } from './generated/ast.js';
import { IssueCodes, type IssueData } from './journey-issue-codes.js';
import type { JourneyServices } from './journey-module.js';
import { checkMetricValue } from './metric-units.js';
import { t } from '../model/localisation.js';
import { describeUnknownColumn, isCompleteLink, resolveDataLink, type LinkPart } from './journey-data-link.js';
import type { DataSources } from './journey-data-sources.js';
import { describePeriodProblem, periodProblemOf } from '../metrics/period-values.js';

export function registerDataLinkChecks(services: JourneyServices): void {
    const validator = new DataLinkValidator(services.journey.DataSources);
    const checks: ValidationChecks<JourneyAstType> = {
        DataSource: validator.checkSource,
        DataLink: validator.checkLink
    };
    services.validation.ValidationRegistry.register(checks, validator);
}

/** Checks that data sources exist inside the workspace and that each link finds one number. */
export class DataLinkValidator {
    constructor(private readonly sources: DataSources) {}

    async checkSource(source: DataSource, accept: ValidationAcceptor): Promise<void> {
        const loaded = await this.sources.load(source);
        const at = { node: source, property: 'path' } as const;
        if (loaded.kind === 'outside') {
            accept('error', t('Data path "{path}" {reason}.', { path: source.path, reason: loaded.reason }), { ...at, code: IssueCodes.PathOutsideWorkspace, data: { code: IssueCodes.PathOutsideWorkspace } });
        } else if (loaded.kind === 'missing') {
            accept('error', t('Data file "{path}" does not exist (looked for {file}).', { path: source.path, file: loaded.uri.path }), { ...at, code: IssueCodes.DataFileNotFound, data: { code: IssueCodes.DataFileNotFound } });
        } else if (loaded.kind === 'unreadable') {
            accept('error', t('Cannot read data file "{path}": {reason}.', { path: source.path, reason: loaded.reason }), { ...at, code: IssueCodes.DataFileUnreadable, data: { code: IssueCodes.DataFileUnreadable } });
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
        const source = link.source?.ref;
        if (!isCompleteLink(link)) return; // text that did not parse: the parser reports it
        const loaded = source && await this.sources.load(source);
        if (!loaded || loaded.kind !== 'table') {
            return; // the source itself is reported where it is declared
        }
        const resolution = resolveDataLink(link, loaded.table, source.period);
        if (resolution.kind === 'problem' && resolution.ofSource) return; // reported once, at the source
        if (resolution.kind === 'problem') {
            const data: IssueData = { code: resolution.code, suggestions: resolution.suggestions };
            accept('error', resolution.message, { ...locate(link, resolution.at), code: resolution.code, data } as never);
            return;
        }
        const metric = AstUtils.getContainerOfType(link, isMetricValue)?.metric?.ref;
        const problem = metric && checkMetricValue(metric, resolution.value, 'linked');
        if (problem) {
            accept('error', problem.message, { node: link, code: problem.code, data: { code: problem.code } });
        }
    }
}

function locate(link: DataLink, at: LinkPart): { node: DataLink; property?: string; range?: Range } {
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
