/** Shared helpers for tests: services, real example files, documents loaded together. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { JourneyFile } from '../language/generated/ast.js';
import { createNodeJourneyServices } from '../language/node-journey-services.js';
import { journeyLspExtensions } from '../server/journey-lsp-module.js';
import type { LeanDocuments } from '../langium-lean/lean-documents.js';
import type { LeanSharedServices } from '../langium-lean/lean-module.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const examplesDir = join(repoRoot, 'examples');
export const designDir = join(repoRoot, 'test', 'fixtures', 'design');

/** Fresh services whose workspace is the repository, with the editor features a language server has. */
export function createTestServices(options: { fastPath?: boolean } = {}) {
    const services = createNodeJourneyServices(undefined, { ...options, extensions: journeyLspExtensions });
    services.Journey.journey.Workspace.setRoots([URI.file(repoRoot)]);
    return services;
}

export type TestServices = ReturnType<typeof createTestServices>;

/** The fast path's per-document state, when the services run with it (not with JOURNEYMAP_FAST_PATH=off). */
export function fastPathDocumentsOf(services: TestServices): LeanDocuments | undefined {
    return (services.shared as Partial<LeanSharedServices>).lean?.Documents;
}

export function journeyFilesIn(folder: string): string[] {
    return readdirSync(folder).flatMap(entry => {
        const path = join(folder, entry);
        if (statSync(path).isDirectory()) return journeyFilesIn(path);
        return entry.endsWith('.journey') ? [path] : [];
    }).sort();
}

/**
 * Builds documents together, as the workspace would: files on disk (path → its text) or
 * in-memory texts under a given path. Returns the documents in the given order.
 */
export async function buildDocuments(
    services: TestServices,
    files: Record<string, string | undefined>
): Promise<Array<LangiumDocument<JourneyFile>>> {
    const documents = Object.entries(files).map(
        ([path, text]) =>
            services.shared.workspace.LangiumDocuments.createDocument(
                URI.file(path),
                text ?? readFileSync(path, 'utf8')
            ) as LangiumDocument<JourneyFile>
    );
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents;
}

/** Builds one in-memory document at a path in the repository (so relative data paths work). */
export async function buildText(
    services: TestServices,
    text: string,
    path = join(repoRoot, 'test', 'fixtures', 'inline.journey')
): Promise<LangiumDocument<JourneyFile>> {
    const [document] = await buildDocuments(services, { [path]: text });
    return document;
}

export function codesOf(diagnostics: Diagnostic[] | undefined): string[] {
    return (diagnostics ?? []).map(diagnostic =>
        String(diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code)
    );
}

/** The text a diagnostic's range covers. */
export function coveredText(document: LangiumDocument, diagnostic: Diagnostic): string {
    return document.textDocument.getText(diagnostic.range);
}

export function describeDiagnostics(diagnostics: Diagnostic[] | undefined): string {
    return (diagnostics ?? [])
        .map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`)
        .join('\n');
}
