import { URI, UriUtils } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { loadImportedDocuments, type ReadText } from '../language/journey-import-loader.js';
import type { JourneyServices } from '../language/journey-module.js';
import type { FenceRequest, FenceResult } from '../markdown/journey-fence.js';
import { displayName } from '../model/journey-model.js';
import { renderJourneyView, resolveView } from '../render/journey-view.js';
import { formatMegabytes } from '../model/file-sizes.js';
import { t } from '../model/localisation.js';
import { diagnosticText } from '../protocol/diagnostic-text.js';

/** A fresh, empty set of services for one fence: the open workspace never sees a fence's map. */
export type CreateFenceServices = () => { shared: LangiumSharedServices; Journey: JourneyServices };

/**
 * Draws one ```journey fence of a Markdown file: checks the map (written in the fence, or the
 * `src` file) with its imports and data, read relative to the Markdown file through the
 * services' file system and kept inside the workspace, and returns the picture of the asked
 * view, or the first errors with their lines. The same in Node (the Markdown worker thread)
 * and in the web extension's server worker, where files come through VS Code.
 */
export async function drawFence(createServices: CreateFenceServices, request: FenceRequest): Promise<FenceResult> {
    const { shared, Journey } = createServices();
    const markdown = URI.parse(request.document);
    const workspace = Journey.journey.Workspace;
    workspace.setRoots([URI.parse(request.root)]);
    const files = shared.workspace.FileSystemProvider;
    let uri = UriUtils.joinPath(UriUtils.dirname(markdown), '.journey-fence.journey');
    let text = request.text ?? '';
    if (request.src !== undefined) {
        const target = await workspace.followLinks(markdown, workspace.resolve(markdown, request.src));
        if (target.kind === 'outside') return errors(`src="${request.src}" ${target.reason}`);
        const size = await workspace.sizeOf(target.uri);
        const limit = Journey.journey.TextLimits.known.maxFileBytes;
        if (size !== undefined && size > limit)
            return errors(
                `src="${request.src}" ${t('is {size}, larger than {limit}', { size: formatMegabytes(size), limit: formatMegabytes(limit) })}`
            );
        const read = await files.readFile(target.uri).catch(() => undefined);
        if (read === undefined) return errors(`src="${request.src}": no such map (looked for ${target.uri.fsPath})`);
        uri = target.uri;
        text = read;
    }
    const document = shared.workspace.LangiumDocuments.createDocument(uri, text);
    await loadImportedDocuments(Journey, [document], readWithinLimits(Journey, files.readFile.bind(files)));
    await shared.workspace.DocumentBuilder.build([...shared.workspace.LangiumDocuments.all], { validation: true });
    const found = (document.diagnostics ?? []).filter(diagnostic => diagnostic.severity === DiagnosticSeverity.Error);
    if (found.length > 0)
        return {
            kind: 'errors',
            errors: found
                .slice(0, 5)
                .map(diagnostic => ({ line: diagnostic.range.start.line + 1, message: diagnosticText(diagnostic) }))
        };
    const model = await Journey.journey.ModelBuilder.build(document);
    const journey =
        request.journey === undefined
            ? model.journeys[0]
            : model.journeys.find(candidate => candidate.name === request.journey);
    if (!journey)
        return errors(
            request.journey === undefined
                ? 'the map has no journey'
                : `no journey "${request.journey}" (the map has: ${model.journeys.map(candidate => candidate.name).join(', ') || 'none'})`
        );
    const view = resolveView(model, 'fence', request.view);
    if ('error' in view) return errors(view.error);
    // A named view draws its own journeys, unless the fence names one.
    const shown = view.view.named && request.journey === undefined ? undefined : journey.name;
    const title = view.view.named ? view.view.label : displayName(journey);
    const svg = renderJourneyView(model, shown, view.view, { theme: request.theme ?? 'auto' });
    return { kind: 'picture', svg, title };
}

/**
 * Reads a file unless the file system says it is larger than the language reads; a missing or unreadable file is
 * undefined.
 */
function readWithinLimits(services: JourneyServices, readFile: (uri: URI) => Promise<string>): ReadText {
    return async uri => {
        const size = await services.journey.Workspace.sizeOf(uri);
        if (size !== undefined && size > services.journey.TextLimits.known.maxFileBytes) return undefined;
        return readFile(uri).catch(() => undefined);
    };
}

function errors(message: string): FenceResult {
    return { kind: 'errors', errors: [{ message }] };
}
