import type { Diagnostic } from 'vscode-languageserver';
import { filesDocumentReads } from '../language/journey-dependencies.js';
import { missingEvidence, type EvidenceKind } from '../language/evidence-requirement.js';
import { checkInLanguageOfMaps } from './cli-language.js';
import type { InputProblem } from './journey-files.js';
import { loadWorkspace } from './load-workspace.js';

/** A part of the maps of `journeymap check`, checked by one thread with the files they import. */
export interface CheckShard {
    /** The maps, absolute paths. */
    files: string[];
    root: string;
    maxFileBytes: number;
    maxLineLength?: number;
    requireEvidence?: EvidenceKind[];
    strict?: boolean;
    /** `--lang`: else each map's messages are in the map's language. */
    lang?: string;
}

/** What a thread found of one document it loaded, asked for or imported. */
export interface CheckedDocument {
    /** Absolute path. */
    path: string;
    diagnostics: Diagnostic[];
    /**
     * The nodes this document's references point at, as `uri#path`: another thread's unused hints may be wrong
     * without them.
     */
    references: string[];
    /** Every file its diagnostics depend on, absolute paths (see filesDocumentReads). */
    reads: string[];
}

export interface CheckedShard {
    documents: CheckedDocument[];
    problems: InputProblem[];
}

/** Checks a shard's maps together with what they import, as `journeymap check` of those files alone would. */
export async function checkShard(shard: CheckShard): Promise<CheckedShard> {
    checkInLanguageOfMaps(shard.lang);
    const loaded = await loadWorkspace(shard.files, {
        root: shard.root,
        maxFileBytes: shard.maxFileBytes,
        maxLineLength: shard.maxLineLength
    });
    const indexManager = loaded.services.shared.workspace.IndexManager;
    const documents = loaded.services.shared.workspace.LangiumDocuments.all.toArray().map(document => ({
        path: document.uri.fsPath,
        diagnostics: [
            ...(document.diagnostics ?? []),
            ...(shard.requireEvidence?.length
                ? missingEvidence(document, shard.requireEvidence, shard.strict ?? false)
                : [])
        ],
        references: indexManager.targetsReferencedFrom(document.uri),
        reads: filesDocumentReads(document, loaded.services).map(uri => uri.fsPath)
    }));
    return { documents, problems: loaded.problems };
}
