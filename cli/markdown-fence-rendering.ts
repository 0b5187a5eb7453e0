import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { URI } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { createNodeJourneyServices } from '../language/node-journey-services.js';
import type { JourneyWorkspace } from '../language/journey-workspace.js';
import { displayName } from '../model/journey-model.js';
import { renderJourneyView } from '../render/index.js';
import type { FenceRequest, FenceResult } from '../markdown/journey-fence.js';
import { defaultMaxFileBytes, loadWorkspace } from './load-workspace.js';

/**
 * Draws one ```journey fence: checks the map (written in the fence, or the `src` file) with
 * its imports and data, read relative to the Markdown file and kept inside the workspace, and
 * returns the picture of the asked view, or the first errors with their lines.
 */
export async function renderFence(request: FenceRequest): Promise<FenceResult> {
    const folder = dirname(request.markdownPath);
    let path = join(folder, `.journey-fence-${process.pid}.journey`);
    if (request.src !== undefined) {
        const target = resolveSrc(request.markdownPath, request.src, request.root);
        if (target.kind === 'outside') return errors(`src="${request.src}" ${target.reason}`);
        path = target.uri.fsPath;
        if (!existsSync(path) || !statSync(path).isFile()) return errors(`src="${request.src}": no such map (looked for ${path})`);
    }
    const texts = request.src === undefined ? new Map([[path, request.text ?? '']]) : undefined;
    const loaded = await loadWorkspace([path], { root: request.root, maxFileBytes: defaultMaxFileBytes, texts });
    const document = loaded.documents[0];
    if (!document) return errors(loaded.problems[0]?.message ?? 'the map cannot be read');
    const found = (document.diagnostics ?? []).filter(diagnostic => diagnostic.severity === DiagnosticSeverity.Error);
    if (found.length > 0) return { kind: 'errors', errors: found.slice(0, 5).map(diagnostic => ({ line: diagnostic.range.start.line + 1, message: diagnostic.message })) };
    const model = await loaded.services.journey.ModelBuilder.build(document);
    const journey = request.journey === undefined ? model.journeys[0] : model.journeys.find(candidate => candidate.name === request.journey);
    if (!journey) return errors(request.journey === undefined ? 'the map has no journey' : `no journey "${request.journey}" (the map has: ${model.journeys.map(candidate => candidate.name).join(', ') || 'none'})`);
    return { kind: 'picture', svg: renderJourneyView(model, journey.name, request.view, { theme: request.theme ?? 'auto' }), title: displayName(journey) };
}

let resolver: JourneyWorkspace | undefined;

/** Where a fence's `src` leads, and whether that stays inside the workspace: the language's own rules, one set of services for every fence. */
function resolveSrc(markdownPath: string, src: string, root: string): ReturnType<JourneyWorkspace['resolve']> {
    resolver ??= createNodeJourneyServices().Journey.journey.Workspace;
    resolver.setRoots([URI.file(root)]);
    return resolver.resolve(URI.file(markdownPath), src);
}

function errors(message: string): FenceResult {
    return { kind: 'errors', errors: [{ message }] };
}
