import { readFile } from 'node:fs/promises';
import { t } from '../model/localisation.js';
import { ExitCode } from './check-command.js';
import { runGitDiff } from './diff-command.js';

/** The hidden line that finds our comment again on the next push. */
export const commentMarker = '<!-- journeymap:pull-request-comment -->';

export interface PrCommentOptions {
    root: string;
    /** The Actions environment: GITHUB_EVENT_PATH, GITHUB_TOKEN, GITHUB_API_URL, GITHUB_REPOSITORY. */
    env: NodeJS.ProcessEnv;
    /** `--view Exec`: the named view with the steps the changes touched in front (see `diff --view`). */
    view?: string;
}

interface PullRequestEvent {
    number: number;
    repository: string;
    base: string;
    head: string;
}

interface IssueComment {
    id: number;
    body?: string;
}

/**
 * `journeymap pr-comment [paths…]`, for GitHub Actions on a pull request: the semantic diff
 * of the journeys between the pull request's base and head, as one comment that is found
 * again by a hidden marker and updated on each push, and deleted when the pull request no
 * longer changes any journey. The token only ever goes into the Authorization header.
 */
export async function runPrComment(
    paths: string[],
    options: PrCommentOptions,
    out: (text: string) => void,
    err: (text: string) => void
): Promise<number> {
    const event = await readEvent(options.env);
    if (typeof event === 'string') {
        err(event);
        return ExitCode.UsageOrInput;
    }
    const token = options.env.GITHUB_TOKEN;
    if (!token) {
        err(t('pr-comment: set GITHUB_TOKEN (in a workflow: `env: GITHUB_TOKEN: ${{ github.token }}`).'));
        return ExitCode.UsageOrInput;
    }
    let markdown = '';
    const diffOptions = {
        format: 'md' as const,
        exitCode: true,
        root: options.root,
        colour: false,
        view: options.view
    };
    const collect = (text: string) => {
        markdown += `${text}\n`;
    };
    const diff = await runGitDiff(`${event.base}...${event.head}`, paths, diffOptions, collect, err);
    if (diff === ExitCode.UsageOrInput) return diff;
    const github = new GitHubComments(options.env.GITHUB_API_URL || 'https://api.github.com', event.repository, token);
    try {
        const existing = await github.find(event.number);
        if (diff === ExitCode.Clean) {
            if (existing) await github.delete(existing.id);
            out(
                existing
                    ? t('The pull request no longer changes a journey: deleted the journey comment.')
                    : t('The pull request changes no journey: no comment.')
            );
            return ExitCode.Clean;
        }
        const body = `${commentMarker}\n${markdown.trimEnd()}\n`;
        if (existing) await github.update(existing.id, body);
        else await github.create(event.number, body);
        out(
            existing
                ? t('Updated the journey comment on pull request #{number}.', { number: event.number })
                : t('Commented the journey changes on pull request #{number}.', { number: event.number })
        );
        return ExitCode.Clean;
    } catch (error) {
        err(`pr-comment: ${error instanceof Error ? error.message : String(error)}`);
        return ExitCode.UsageOrInput;
    }
}

async function readEvent(env: NodeJS.ProcessEnv): Promise<PullRequestEvent | string> {
    if (!env.GITHUB_EVENT_PATH)
        return t('pr-comment: GITHUB_EVENT_PATH is not set: run it in a GitHub Actions job on `pull_request`.');
    let payload: {
        pull_request?: { number?: number; base?: { sha?: string }; head?: { sha?: string } };
        repository?: { full_name?: string };
    };
    try {
        payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch (error) {
        return t('pr-comment: cannot read the event {path}: {reason}', {
            path: env.GITHUB_EVENT_PATH,
            reason: error instanceof Error ? error.message : String(error)
        });
    }
    const pull = payload.pull_request;
    const repository = payload.repository?.full_name ?? env.GITHUB_REPOSITORY;
    if (!pull?.number || !pull.base?.sha || !pull.head?.sha || !repository)
        return t('pr-comment: the event is not a pull request (it has no pull_request with number, base and head).');
    return { number: pull.number, repository, base: pull.base.sha, head: pull.head.sha };
}

/** The few REST calls on a pull request's comments that the command makes. */
class GitHubComments {
    constructor(private readonly api: string, private readonly repository: string, private readonly token: string) {}

    /** Our comment, found by its marker among every page of the pull request's comments. */
    async find(number: number): Promise<IssueComment | undefined> {
        for (let page = 1; page <= 50; page++) {
            const comments = await this.call<IssueComment[]>(
                'GET',
                `/repos/${this.repository}/issues/${number}/comments?per_page=100&page=${page}`
            );
            const ours = comments.find(comment => comment.body?.startsWith(commentMarker));
            if (ours || comments.length < 100) return ours;
        }
        return undefined;
    }

    async create(number: number, body: string): Promise<void> {
        await this.call('POST', `/repos/${this.repository}/issues/${number}/comments`, { body });
    }

    async update(id: number, body: string): Promise<void> {
        await this.call('PATCH', `/repos/${this.repository}/issues/comments/${id}`, { body });
    }

    async delete(id: number): Promise<void> {
        await this.call('DELETE', `/repos/${this.repository}/issues/comments/${id}`);
    }

    private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
        const response = await fetch(`${this.api.replace(/\/$/, '')}${path}`, {
            method,
            headers: {
                accept: 'application/vnd.github+json',
                authorization: `Bearer ${this.token}`,
                'x-github-api-version': '2022-11-28',
                'user-agent': 'journeymap',
                ...(body ? { 'content-type': 'application/json' } : {})
            },
            body: body ? JSON.stringify(body) : undefined,
            signal: AbortSignal.timeout(30_000)
        }).catch((error: unknown) => {
            throw new Error(
                t('{method} {path}: cannot reach {api} ({reason})', {
                    method,
                    path: path.split('?')[0],
                    api: this.api,
                    reason: error instanceof Error ? error.message : String(error)
                }),
                { cause: error }
            );
        });
        if (!response.ok) {
            const detail = await response.json().then((json: { message?: string }) => json.message, () => undefined);
            throw new Error(
                t('{method} {path}: GitHub answered {status}{detail}', {
                    method,
                    path: path.split('?')[0],
                    status: response.status,
                    detail: detail ? ` (${detail.split(this.token).join('***')})` : ''
                })
            );
        }
        return (response.status === 204 ? undefined : await response.json()) as T;
    }
}
