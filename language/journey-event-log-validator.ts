import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { DataSource, EventLog, Journey, JourneyAstType } from './generated/ast.js';
import { IssueCodes, type IssueData } from './journey-issue-codes.js';
import type { JourneyServices } from './journey-module.js';
import { describeUnknownColumn } from './journey-data-link.js';
import type { DataSources } from './journey-data-sources.js';
import { stepsOf } from './journey-scope.js';
import { t } from '../model/localisation.js';
import { notableUndocumented } from '../model/observed-paths.js';
import { deadStepSentence, undocumentedSentence } from '../paths/path-sentences.js';

export function registerEventLogChecks(services: JourneyServices): void {
    const validator = new EventLogValidator(services.journey.DataSources);
    const checks: ValidationChecks<JourneyAstType> = {
        EventLog: validator.checkColumns,
        Journey: [validator.checkPathsFrom, validator.checkObservedPaths]
    };
    services.validation.ValidationRegistry.register(checks, validator);
}

/** The event log's columns exist, and a journey that reads a log binds its events to one step each. */
export class EventLogValidator {
    constructor(private readonly sources: DataSources) {}

    async checkColumns(log: EventLog, accept: ValidationAcceptor): Promise<void> {
        const source = log.$container as DataSource;
        if (typeof source.query === 'string') return; // the query's columns are known when it runs
        const loaded = await this.sources.logColumns(source);
        const at = { node: source, property: 'path' } as const;
        switch (loaded.kind) {
            case 'outside':
                return accept('error', t('Data path "{path}" {reason}.', { path: source.path, reason: loaded.reason }),
                    { ...at, code: IssueCodes.PathOutsideWorkspace, data: { code: IssueCodes.PathOutsideWorkspace } });
            case 'missing':
                return accept('error', t('Data file "{path}" does not exist (looked for {file}).', { path: source.path, file: loaded.uri.path }),
                    { ...at, code: IssueCodes.DataFileNotFound, data: { code: IssueCodes.DataFileNotFound } });
            case 'unreadable':
                return accept('error', t('Cannot read data file "{path}": {reason}.', { path: source.path, reason: loaded.reason }),
                    { ...at, code: IssueCodes.DataFileUnreadable, data: { code: IssueCodes.DataFileUnreadable } });
            case 'too-large':
                return; // `journeymap paths` reads it, in DuckDB
            case 'columns':
                for (const property of ['caseColumn', 'activityColumn', 'timeColumn', 'variantColumn'] as const) {
                    const column = log[property];
                    if (column === undefined || loaded.columns.includes(column)) continue;
                    const { message, suggestions } = describeUnknownColumn(column, loaded.columns, t('column'));
                    const data: IssueData = { code: IssueCodes.DataColumnUnknown, suggestions };
                    accept('error', message, { node: log, property, code: IssueCodes.DataColumnUnknown, data });
                }
        }
    }

    /**
     * Hints from the paths snapshot: where customers go that the map does not show, and steps
     * nobody reaches. Hints, not warnings: the map may be the plan the data has not caught up with.
     */
    async checkObservedPaths(journey: Journey, accept: ValidationAcceptor): Promise<void> {
        const reading = journey.pathSources[0];
        if (!reading?.log?.ref?.eventLog) return;
        const loaded = await this.sources.pathsSnapshot(AstUtils.getDocument(journey).uri);
        const paths = loaded.kind === 'snapshot' ? loaded.snapshot.journeys.find(entry => entry.journey === journey.name) : undefined;
        if (!paths) {
            accept('hint', t('No snapshot of the paths yet: run `journeymap data pull`.'),
                { node: reading, code: IssueCodes.PathsSnapshotMissing, data: { code: IssueCodes.PathsSnapshotMissing } });
            return;
        }
        const steps = new Map(stepsOf(journey).map(step => [step.name, step]));
        const title = (name: string) => steps.get(name)?.title ?? name;
        for (const transition of notableUndocumented(paths)) {
            const step = steps.get(transition.from);
            if (!step) continue; // a step renamed since the snapshot: the next pull tells
            accept('hint', undocumentedSentence(transition, paths, title),
                { node: step, property: 'name', code: IssueCodes.UndocumentedPath, data: { code: IssueCodes.UndocumentedPath } });
        }
        for (const name of paths.deadSteps) {
            const step = steps.get(name);
            if (step) accept('hint', deadStepSentence(name, title), { node: step, property: 'name', code: IssueCodes.DeadStep, data: { code: IssueCodes.DeadStep } });
        }
    }

    checkPathsFrom(journey: Journey, accept: ValidationAcceptor): void {
        const [reading, ...repeated] = journey.pathSources;
        for (const [index] of repeated.entries()) {
            accept('error', t('This has more than one {property}; keep one.', { property: '`paths from`' }), {
                node: journey, property: 'pathSources', index: index + 1, code: IssueCodes.RepeatedProperty, data: { code: IssueCodes.RepeatedProperty }
            });
        }
        const source = reading?.log?.ref;
        if (reading && source && !source.eventLog) {
            accept('error', t("'{name}' is a data table, not an event log: declare it with `events case … activity … time …`.", { name: source.name }),
                { node: reading, property: 'log', code: IssueCodes.EventLogExpected, data: { code: IssueCodes.EventLogExpected } });
        }
        const boundTo = new Map<string, string>();
        for (const step of stepsOf(journey)) {
            step.events.forEach((event, index) => {
                if (typeof event !== 'string') return;
                const first = boundTo.get(event);
                if (first === undefined) boundTo.set(event, step.name);
                else {
                    accept('error', t("The event '{event}' is already bound to step {step}: an event means one step.", { event, step: first }),
                        { node: step, property: 'events', index, code: IssueCodes.EventBoundTwice, data: { code: IssueCodes.EventBoundTwice } });
                }
            });
        }
        if (reading && boundTo.size === 0) {
            accept('warning', t('This journey reads its paths from {log} but binds no events to its steps: add `events "…"` to the steps.', {
                log: reading.log?.$refText ?? ''
            }), { node: reading, code: IssueCodes.PathsWithoutEvents, data: { code: IssueCodes.PathsWithoutEvents } });
        }
    }
}
