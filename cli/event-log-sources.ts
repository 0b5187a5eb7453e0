import { basename, dirname, join, relative } from 'node:path';
import { AstUtils, type LangiumDocument } from 'langium';
import { isJourney, type DataSource, type Journey, type JourneyFile } from '../language/generated/ast.js';
import type { JourneyServices } from '../language/journey-module.js';
import { queryEngineOf } from '../language/journey-data-sources.js';
import type { EventLogColumns } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { snapshotFileName } from '../paths/paths-snapshot.js';
import type { EventLogRelation, JourneyEvents } from './event-log-engine.js';

/** A journey that reads an event log (`paths from clicks`), with what counting its paths needs. */
export interface PathsJourney {
    /** The map's URI. */
    uri: string;
    journey: string;
    events: JourneyEvents;
    goal?: string;
    log: EventLog;
}

/** An event log as the engine reads it, once however many journeys read it. */
export interface EventLog {
    name: string;
    /** Where it is, for messages: the file or the query as written. */
    shown: string;
    /** The file or query, resolved: two journeys with the same key read the same log. */
    key: string;
    columns: EventLogColumns;
    relation: (postgresUrl: string | undefined) => Promise<EventLogRelation>;
}

/** The snapshot of a map's observed paths: `returns.journey` → `returns.paths.json`, beside it. */
export function pathsSnapshotPath(mapPath: string): string {
    return join(dirname(mapPath), snapshotFileName(basename(mapPath)));
}

/** Every journey of these documents with `paths from`, or why one cannot be counted. */
export function pathsJourneys(
    services: JourneyServices, documents: readonly LangiumDocument[]
): { journeys: PathsJourney[]; problems: string[] } {
    const journeys: PathsJourney[] = [];
    const problems: string[] = [];
    for (const document of documents) {
        // Journeys are top-level elements: no walk through every step of the map.
        for (const journey of (document.parseResult.value as JourneyFile).elements.filter(isJourney)) {
            const reading = journey.pathSources[0];
            const source = reading?.log?.ref;
            if (!reading || !source) continue;
            const where = `${relative(process.cwd(), document.uri.fsPath)}: journey ${journey.name}`;
            const log = eventLogOf(services, source);
            if (typeof log === 'string') problems.push(`${where}: ${log}`);
            else {
                const goal = reading.goal?.ref?.name;
                const uri = document.uri.toString();
                journeys.push({ uri, journey: journey.name, events: eventsOf(journey), goal, log });
            }
        }
    }
    return { journeys, problems };
}

function eventsOf(journey: Journey): JourneyEvents {
    const steps = new Map<string, string>();
    for (const stage of journey.stages) {
        for (const step of stage.steps) {
            // An event bound to two steps is an error the check reports; the first binding counts.
            for (const event of step.events) {
                if (typeof event === 'string' && !steps.has(event)) steps.set(event, step.name);
            }
        }
    }
    return { journey: journey.name, steps };
}

function eventLogOf(services: JourneyServices, source: DataSource): EventLog | string {
    const log = source.eventLog;
    if (!log) {
        return t("'{name}' is a data table, not an event log: declare it with `events case … activity … time …`.", {
            name: source.name
        });
    }
    const columns: EventLogColumns = {
        case: log.caseColumn, activity: log.activityColumn, time: log.timeColumn, variant: log.variantColumn
    };
    const documentUri = AstUtils.getDocument(source).uri;
    const workspace = services.journey.Workspace;
    if (typeof source.query === 'string') {
        const query = workspace.resolve(documentUri, source.query);
        if (query.kind === 'outside') {
            return t('Query path "{path}" {reason}.', { path: source.query, reason: query.reason });
        }
        const engine = queryEngineOf(source) ?? 'duckdb';
        const fileSystem = services.shared.workspace.FileSystemProvider;
        return {
            name: source.name, shown: source.query, key: `${engine}:${query.uri.toString()}`, columns,
            relation: async postgresUrl => {
                const file = relative(process.cwd(), query.uri.fsPath);
                const sql = await fileSystem.readFile(query.uri).catch(() => {
                    throw new Error(t('{file}: the query file does not exist.', { file }));
                });
                // DuckDB reads a query's relative paths from the map's folder, then from the workspace.
                const searchFolders = [dirname(documentUri.fsPath), workspace.rootFor(documentUri).fsPath];
                return { kind: 'query', sql, engine, postgresUrl, searchFolders };
            }
        };
    }
    const file = workspace.resolve(documentUri, source.path);
    if (file.kind === 'outside') return t('Data path "{path}" {reason}.', { path: source.path, reason: file.reason });
    return {
        name: source.name, shown: source.path, key: `file:${file.uri.toString()}`, columns,
        relation: async () => ({ kind: 'file', path: file.uri.fsPath })
    };
}
