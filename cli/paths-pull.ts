import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { LangiumDocument } from 'langium';
import type { JourneyServices } from '../language/journey-module.js';
import { t } from '../model/localisation.js';
import {
    parsePathsSnapshot, pathsSnapshotText, sameObservations, snapshotVariants, type PathsSnapshot
} from '../paths/paths-snapshot.js';
import { ExitCode } from './check-command.js';
import { pathsJourneys, pathsSnapshotPath } from './event-log-sources.js';
import { mineJourneys } from './paths-command.js';
import { writeAtomically } from './write-atomically.js';

export interface PathsPullOptions {
    check: boolean;
    postgresUrl?: string;
    now: Date;
}

/**
 * The paths part of `journeymap data pull`: for each map with journeys that read an event log,
 * counts their paths and writes `MAP.paths.json` beside it (with `--check`, compares instead).
 * A log that cannot be read keeps the old snapshot. Returns the exit code of this part.
 */
export async function pullPathsSnapshots(
    services: JourneyServices, documents: readonly LangiumDocument[], options: PathsPullOptions,
    out: (text: string) => void, err: (text: string) => void
): Promise<number> {
    const maps = documents.filter(document => pathsJourneys(services, [document]).journeys.length > 0);
    let exitCode: number = ExitCode.Clean;
    for (const map of maps) {
        const mining = { variantLimit: snapshotVariants, postgresUrl: options.postgresUrl };
        const mined = await mineJourneys(services, [map], mining, err);
        const file = pathsSnapshotPath(map.uri.fsPath);
        const shown = relative(process.cwd(), file);
        if (typeof mined === 'number') {
            err(t('{file} is kept as it was.', { file: shown }));
            exitCode = Math.max(exitCode, mined);
            continue;
        }
        const journeys = mined.map(entry => entry.paths);
        const snapshot: PathsSnapshot = { pulledAt: options.now.toISOString(), journeys };
        if (options.check) {
            const current = await readSnapshot(file);
            const upToDate = current !== undefined && sameObservations(current, snapshot);
            out(upToDate ? t('{file} is up to date.', { file: shown })
                : current === undefined ? t('{file} is missing: run `journeymap data pull`.', { file: shown })
                    : t('{file} is out of date: the event log now gives other paths; run `journeymap data pull`.',
                        { file: shown }));
            if (!upToDate) exitCode = Math.max(exitCode, ExitCode.Errors);
            continue;
        }
        await writeAtomically(file, pathsSnapshotText(snapshot));
        out(
            t('Wrote {file}: the paths of {journeys}.', {
                file: shown,
                journeys: journeys.map(paths => paths.journey).join(', ')
            })
        );
    }
    return exitCode;
}

/** The snapshot now in the file; undefined when there is none or it cannot be read (then it is out of date). */
async function readSnapshot(file: string): Promise<PathsSnapshot | undefined> {
    try {
        return parsePathsSnapshot(await readFile(file, 'utf8'));
    } catch {
        return undefined;
    }
}

/** Whether any of these maps has a journey that reads an event log. */
export function readsEventLogs(services: JourneyServices, documents: readonly LangiumDocument[]): boolean {
    return pathsJourneys(services, documents).journeys.length > 0;
}

