import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { DataSource, EventLog, Journey, JourneyAstType } from '../generated/ast.js';
import { coded, IssueCodes, type IssueData } from '../journey-issue-codes.js';
import type { JourneyServices } from '../journey-module.js';
import { describeUnknownColumn } from '../../metrics/data-link.js';
import { reportSourceFile } from './data-link-checks.js';
import type { DataSources } from '../journey-data-sources.js';
import { stepsOf } from '../journey-scope.js';
import { t } from '../../model/localisation.js';
import { notableUndocumented } from '../../model/observed-paths.js';
import { deadStepSentence, undocumentedSentence } from '../../paths/path-sentences.js';

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
        if (loaded.kind === 'too-large') return; // `journeymap paths` reads it, in DuckDB
        if (loaded.kind !== 'columns') return reportSourceFile(source, loaded, accept);
        for (const property of ['caseColumn', 'activityColumn', 'timeColumn', 'variantColumn'] as const) {
            const column = log[property];
            if (column === undefined || loaded.columns.includes(column)) continue;
            const { message, suggestions } = describeUnknownColumn(column, loaded.columns, t('column'));
            const data: IssueData = { code: IssueCodes.DataColumnUnknown, suggestions };
            accept('error', message, { node: log, property, code: IssueCodes.DataColumnUnknown, data });
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
        const paths = loaded.kind === 'snapshot'
            ? loaded.snapshot.journeys.find(entry => entry.journey === journey.name) : undefined;
        if (!paths) {
            accept('hint', t('No snapshot of the paths yet: run `journeymap data pull`.'),
                { node: reading, ...coded(IssueCodes.PathsSnapshotMissing) });
            return;
        }
        const steps = new Map(stepsOf(journey).map(step => [step.name, step]));
        const title = (name: string) => steps.get(name)?.title ?? name;
        for (const transition of notableUndocumented(paths)) {
            const step = steps.get(transition.from);
            if (!step) continue; // a step renamed since the snapshot: the next pull tells
            accept('hint', undocumentedSentence(transition, paths, title),
                { node: step, property: 'name', ...coded(IssueCodes.UndocumentedPath) });
        }
        for (const name of paths.deadSteps) {
            const step = steps.get(name);
            if (!step) continue;
            const at = { node: step, property: 'name' } as const;
            accept('hint', deadStepSentence(name, title), { ...at, ...coded(IssueCodes.DeadStep) });
        }
    }

    checkPathsFrom(journey: Journey, accept: ValidationAcceptor): void {
        const [reading, ...repeated] = journey.pathSources;
        for (const [index] of repeated.entries()) {
            accept('error', t('This has more than one {property}; keep one.', { property: '`paths from`' }),
                { node: journey, property: 'pathSources', index: index + 1, ...coded(IssueCodes.RepeatedProperty) });
        }
        const source = reading?.log?.ref;
        if (reading && source && !source.eventLog) {
            const message = t("'{name}' is a data table, not an event log: declare it with `events case … activity … time …`.",
                { name: source.name });
            accept('error', message, { node: reading, property: 'log', ...coded(IssueCodes.EventLogExpected) });
        }
        const bound = this.checkBoundOnce(journey, accept);
        if (reading && bound === 0) {
            const log = reading.log?.$refText ?? '';
            const message = t('This journey reads its paths from {log} but binds no events to its steps: add `events "…"` to the steps.',
                { log });
            accept('warning', message, { node: reading, ...coded(IssueCodes.PathsWithoutEvents) });
        }
    }

    /** Each event bound to one step of the journey; how many events the journey binds. */
    private checkBoundOnce(journey: Journey, accept: ValidationAcceptor): number {
        const boundTo = new Map<string, string>();
        for (const step of stepsOf(journey)) {
            step.events.forEach((event, index) => {
                if (typeof event !== 'string') return;
                const first = boundTo.get(event);
                if (first === undefined) {
                    boundTo.set(event, step.name);
                    return;
                }
                const message = t("The event '{event}' is already bound to step {step}: an event means one step.",
                    { event, step: first });
                const at = { node: step, property: 'events', index } as const;
                accept('error', message, { ...at, ...coded(IssueCodes.EventBoundTwice) });
            });
        }
        return boundTo.size;
    }
}
