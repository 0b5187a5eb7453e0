import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { generatedJourney } from '../../bench/generated-journey.js';
import { describePublished, startLanguageServer, type LspSession } from '../e2e/lsp-client.js';
import { seededRandom, sendStorm } from './storm-edits.js';

/**
 * The server survives anything typed: random edits sent as a writer types them, without
 * waiting, with hovers, completions and symbol requests in flight. The server must stay
 * alive, answer every request, and end with the diagnostics a fresh server gives for the
 * final text. `npm test` storms maps of 50 and 1,000 steps; `npm run fuzz` adds 10,000
 * (STORM_STEPS). STORM_SEED replays a storm.
 */
const sizes = (process.env.STORM_STEPS ?? '50,1000').split(',').map(Number);
const edits = Number(process.env.STORM_EDITS ?? 1500);
const seed = process.env.STORM_SEED === undefined ? Date.now() % 1_000_000 : Number(process.env.STORM_SEED);
/**
 * How long a request may wait for its answer: the requests of a storm queue up behind the
 * edits (a client that never cancels them, unlike an editor), and a completion at 10,000
 * steps parses the text before the cursor again. A hung request or a dead server shows as this.
 */
const answerWithin = (steps: number) => Math.max(120_000, steps * 60);

describe(`the language server in a storm of ${edits} edits (seed ${seed})`, function () {
    this.timeout(30 * 60_000);
    let workspace: string;

    before(() => { workspace = mkdtempSync(join(tmpdir(), 'journey-storm-')); });
    after(() => rmSync(workspace, { recursive: true, force: true }));

    for (const steps of sizes) {
        it(`stays alive, answers every request and ends as a fresh server on a ${steps}-step map`, async () => {
            const session = await startLanguageServer(workspace);
            let fresh: LspSession | undefined;
            try {
                const uri = pathToFileURL(join(workspace, `storm-${steps}.journey`)).toString();
                const final = await storm(
                    session,
                    uri,
                    generatedJourney(steps).text,
                    seededRandom(seed + steps),
                    answerWithin(steps)
                );
                assert.equal(session.server.exitCode, null, 'the server died during the storm');

                fresh = await startLanguageServer(workspace);
                fresh.open(uri, final.text);
                const expected = describePublished(await fresh.diagnosticsFor(uri));
                const typed = await settledDiagnostics(session, uri, expected);
                assert.deepEqual(
                    typed,
                    expected,
                    "the diagnostics after the storm differ from a fresh server's for the same text"
                );
                assert.equal(final.unanswered, 0, `${final.unanswered} of ${final.requests} requests got no answer`);
                assert.ok(final.requests > edits / 4, 'requests were sent during the storm');
            } finally {
                await session.stop();
                await fresh?.stop();
            }
        });
    }
});

interface StormResult {
    text: string;
    requests: number;
    unanswered: number;
}

/** Sends the edits without waiting, a request after every third one; then waits for every answer. */
async function storm(
    session: LspSession,
    uri: string,
    text: string,
    random: () => number,
    patience: number
): Promise<StormResult> {
    session.open(uri, text);
    const sent = sendStorm(session.connection, uri, text, edits, random);
    const started = Date.now();
    const results = await Promise.all(sent.requests.map(request => answered(request, patience)));
    console.log(
        `      the last of ${results.length} requests was answered ${((Date.now() - started) / 1000).toFixed(1)} s after the last edit was sent`
    );
    return { text: sent.text, requests: results.length, unanswered: results.filter(ok => !ok).length };
}

/** Whether a request got an answer, a result or an error, in time. */
function answered(request: Promise<unknown>, patience: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>(resolve => { timer = setTimeout(() => resolve(false), patience); });
    return Promise.race([
        request.then(
            () => true,
            (error: { code?: number }) => typeof error?.code === 'number'
        ),
        timeout
    ]).finally(() => clearTimeout(timer));
}

/**
 * The diagnostics the session publishes for `uri` once they equal `expected`, or the last ones when they stop changing.
 */
async function settledDiagnostics(session: LspSession, uri: string, expected: string[]): Promise<string[]> {
    let latest = describePublished(await session.diagnosticsFor(uri));
    while (JSON.stringify(latest) !== JSON.stringify(expected)) {
        const next = await Promise.race([
            session.nextNotification<PublishDiagnosticsParams>(
                'textDocument/publishDiagnostics',
                params => params.uri === uri
            ),
            new Promise<undefined>(resolve => setTimeout(resolve, 15_000))
        ]);
        if (!next) break;
        latest = describePublished(next.diagnostics);
    }
    return latest;
}
