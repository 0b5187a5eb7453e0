import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../journey-test-kit.js';
import type { CliResult } from './cli-runner.js';

const token = 'ghs_test-token-never-printed-9c1';
const marker = '<!-- journeymap:pull-request-comment -->';

interface Recorded {
    method: string;
    path: string;
    authorization?: string;
    body?: { body?: string };
}

/** A stand-in for GitHub's REST API: the comments of one pull request, and every request recorded. */
class FakeGitHub {
    readonly requests: Recorded[] = [];
    comments: Array<{ id: number; body: string; user: { login: string } }> = [];
    failWith?: { status: number; message: string };
    private nextId = 1000;
    private server?: Server;

    async start(): Promise<string> {
        this.server = createServer((request, response) => {
            void this.answer(request).then(([status, body]) => {
                response
                    .writeHead(status, { 'content-type': 'application/json' })
                    .end(body === undefined ? undefined : JSON.stringify(body));
            });
        });
        await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve));
        return `http://127.0.0.1:${(this.server!.address() as { port: number }).port}`;
    }

    stop(): void {
        this.server?.close();
    }

    private async answer(request: IncomingMessage): Promise<[number, unknown]> {
        let text = '';
        for await (const chunk of request) text += chunk;
        const recorded: Recorded = {
            method: request.method!,
            path: request.url!,
            authorization: request.headers.authorization,
            body: text ? JSON.parse(text) : undefined
        };
        this.requests.push(recorded);
        if (this.failWith) return [this.failWith.status, { message: this.failWith.message }];
        const url = new URL(request.url!, 'http://x');
        const list = /^\/repos\/acme\/journeys\/issues\/42\/comments$/.test(url.pathname);
        const one = /^\/repos\/acme\/journeys\/issues\/comments\/(\d+)$/.exec(url.pathname);
        if (list && request.method === 'GET') {
            const page = Number(url.searchParams.get('page') ?? 1);
            const size = Number(url.searchParams.get('per_page') ?? 30);
            return [200, this.comments.slice((page - 1) * size, page * size)];
        }
        if (list && request.method === 'POST') {
            const comment = { id: this.nextId++, body: recorded.body!.body!, user: { login: 'github-actions[bot]' } };
            this.comments.push(comment);
            return [201, comment];
        }
        const index = one ? this.comments.findIndex(comment => comment.id === Number(one[1])) : -1;
        if (index >= 0 && request.method === 'PATCH') {
            this.comments[index].body = recorded.body!.body!;
            return [200, this.comments[index]];
        }
        if (index >= 0 && request.method === 'DELETE') {
            this.comments.splice(index, 1);
            return [204, undefined];
        }
        return [404, { message: 'Not Found' }];
    }
}

function git(dir: string, ...args: string[]): string {
    return execFileSync('git', args, {
        cwd: dir,
        encoding: 'utf8',
        env: {
            ...process.env,
            GIT_AUTHOR_NAME: 't',
            GIT_AUTHOR_EMAIL: 't@x',
            GIT_COMMITTER_NAME: 't',
            GIT_COMMITTER_EMAIL: 't@x'
        }
    }).trim();
}

function commitMap(dir: string, text: string, message: string): string {
    writeFileSync(join(dir, 'maps', 'checkout.journey'), text);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '--allow-empty', '-m', message);
    return git(dir, 'rev-parse', 'HEAD');
}

const map = (emotion: number, pain = '') => `journey Checkout "Checkout" {
  stage Buy {
    step Pay "Pays for the order" { emotion ${emotion}${pain} }
  }
}
`;

/** Runs `journeymap pr-comment` as the action does, without blocking the fake server (a separate process, awaited). */
function prComment(dir: string, event: string, api: string, args: string[] = []): Promise<CliResult> {
    return new Promise(resolve => {
        const child = spawn(process.execPath, [join(repoRoot, 'bin', 'journeymap.cjs'), 'pr-comment', ...args], {
            cwd: dir,
            env: {
                ...process.env,
                GITHUB_EVENT_PATH: event,
                GITHUB_TOKEN: token,
                GITHUB_API_URL: api,
                GITHUB_REPOSITORY: 'acme/journeys'
            }
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', chunk => { stdout += chunk; });
        child.stderr.on('data', chunk => { stderr += chunk; });
        child.on('close', status => resolve({ status, stdout, stderr }));
    });
}

/** The recorded pull-request event, for the given base and head commits. */
function eventFor(dir: string, base: string, head: string): string {
    const path = join(dir, '..', `event-${head}.json`);
    writeFileSync(
        path,
        readFileSync(join(repoRoot, 'test', 'fixtures', 'github', 'pull-request-event.json'), 'utf8')
            .replace('BASE_SHA', base)
            .replace('HEAD_SHA', head)
    );
    return path;
}

/** The action's comment step, end to end against a local server that answers GitHub's REST calls. */
describe('journeymap pr-comment (the GitHub Action\'s comment)', function () {
    this.timeout(120_000);
    const github = new FakeGitHub();
    let api: string;
    let dir: string;
    let base: string;
    before(async () => {
        api = await github.start();
        dir = join(mkdtempSync(join(tmpdir(), 'pr-comment-')), 'repo');
        execFileSync('mkdir', ['-p', join(dir, 'maps')]);
        git(dir, 'init', '-q', '-b', 'main');
        base = commitMap(dir, map(3), 'base');
    });
    after(() => github.stop());

    it('posts one comment with the marker, the changes and the new journey; then updates it; then deletes it when no journey changes', async () => {
        // 100 comments of others first: ours is found on the second page.
        github.comments = Array.from({ length: 100 }, (_, index) => ({
            id: index + 1,
            body: `review remark ${index}`,
            user: { login: 'reviewer' }
        }));
        const first = commitMap(dir, map(1, ' pain "Shipping appears late"'), 'worse');
        const posted = await prComment(dir, eventFor(dir, base, first), api);
        assert.equal(posted.status, 0, posted.stderr);
        assert.match(posted.stdout, /Commented the journey changes on pull request #42\./);
        const create = github.requests.filter(request => request.method === 'POST');
        assert.equal(create.length, 1);
        assert.equal(create[0].path, '/repos/acme/journeys/issues/42/comments');
        assert.equal(create[0].authorization, `Bearer ${token}`);
        const body = create[0].body!.body!;
        assert.ok(body.startsWith(`${marker}\n### Journey map changes`), body);
        assert.match(body, /Emotion of 'Pays for the order' fell from 3 to 1/);
        assert.match(body, /pain point added: “Shipping appears late”/);
        assert.match(
            body,
            /<details>\n<summary>The journey Checkout after this change \(Mermaid\)<\/summary>\n\n```mermaid\njourney\n/
        );

        github.requests.length = 0;
        const second = commitMap(dir, map(2, ' pain "Shipping appears late"'), 'a little better');
        const updated = await prComment(dir, eventFor(dir, base, second), api);
        assert.equal(updated.status, 0, updated.stderr);
        assert.deepEqual(
            github.requests.map(request => `${request.method} ${request.path}`),
            [
                'GET /repos/acme/journeys/issues/42/comments?per_page=100&page=1',
                'GET /repos/acme/journeys/issues/42/comments?per_page=100&page=2',
                'PATCH /repos/acme/journeys/issues/comments/1000'
            ]
        );
        assert.equal(github.comments.filter(comment => comment.body.startsWith(marker)).length, 1, 'still one comment');
        assert.match(github.comments.at(-1)!.body, /fell from 3 to 2/);

        github.requests.length = 0;
        const reverted = commitMap(dir, map(3), 'back as it was');
        const deleted = await prComment(dir, eventFor(dir, base, reverted), api);
        assert.equal(deleted.status, 0, deleted.stderr);
        assert.match(deleted.stdout, /no longer changes a journey: deleted the journey comment/);
        assert.equal(github.requests.at(-1)!.method, 'DELETE');
        assert.equal(github.comments.length, 100, "the others' comments stay");
        for (const result of [posted, updated, deleted])
            assert.ok(!(result.stdout + result.stderr).includes(token), 'the token is never printed');
    });

    it('draws the view asked for with --view, the steps the changes touched in front', async () => {
        const view = '\nview Board "Board review" { lanes emotion, pains }\n';
        const from = commitMap(dir, map(3) + view, 'a view');
        const to = commitMap(dir, map(1) + view, 'worse, in the view');
        github.requests.length = 0;
        const posted = await prComment(dir, eventFor(dir, from, to), api, ['--view', 'Board']);
        assert.equal(posted.status, 0, posted.stderr);
        const body = github.requests.find(request => request.method === 'POST' || request.method === 'PATCH')!.body!
            .body!;
        assert.match(
            body,
            /#### View Board review: the steps the changes touched\n\n\*\*Checkout\*\*\n\n```mermaid\nflowchart LR\n[\s\S]*class s0 touched\n```/
        );
        commitMap(dir, map(3), 'back as it was');
    });

    it('says what GitHub answered when it refuses, without the token, and exits 2', async () => {
        github.failWith = { status: 403, message: `Resource not accessible by integration (${token})` };
        const head = commitMap(dir, map(4), 'another');
        const refused = await prComment(dir, eventFor(dir, base, head), api);
        github.failWith = undefined;
        assert.equal(refused.status, 2);
        assert.match(
            refused.stderr,
            /GET \/repos\/acme\/journeys\/issues\/42\/comments: GitHub answered 403 \(Resource not accessible by integration \(\*\*\*\)\)/
        );
        assert.ok(!(refused.stdout + refused.stderr).includes(token));
    });

    it('refuses to run outside a pull-request job, or without a token', async () => {
        const push = join(dir, '..', 'push-event.json');
        writeFileSync(push, JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: 'acme/journeys' } }));
        const notPull = await prComment(dir, push, api);
        assert.equal(notPull.status, 2);
        assert.match(notPull.stderr, /the event is not a pull request/);
        const unreachable = await prComment(
            dir,
            eventFor(dir, base, git(dir, 'rev-parse', 'HEAD')),
            'http://127.0.0.1:1'
        );
        assert.equal(unreachable.status, 2);
        assert.match(unreachable.stderr, /cannot reach http:\/\/127\.0\.0\.1:1/);
    });

    it('is what action.yml runs, with paths passed through the environment, never pasted into the script', () => {
        const action = readFileSync(join(repoRoot, 'action.yml'), 'utf8');
        assert.match(action, /using: composite/);
        assert.match(action, /journeymap\.cjs" check \$JOURNEYMAP_PATHS --format github/);
        assert.match(action, /journeymap\.cjs" fmt --check \$JOURNEYMAP_PATHS/);
        assert.match(
            action,
            /journeymap\.cjs" pr-comment \$\{JOURNEYMAP_VIEW:\+--view "\$JOURNEYMAP_VIEW"\} \$JOURNEYMAP_PATHS/
        );
        assert.doesNotMatch(
            action
                .split('\n')
                .filter(line => line.trim().startsWith('run:'))
                .join('\n'),
            /\$\{\{/,
            'no expression inside a script'
        );
        assert.match(
            readFileSync(join(repoRoot, 'examples', 'ci', 'journeys.yml'), 'utf8'),
            /uses: journey-maps-as-code\/journey-maps-as-code@/
        );
    });
});
