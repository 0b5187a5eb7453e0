import { AstUtils, UriUtils, type AstNode, type LangiumDocument, type LangiumDocuments, type URI } from 'langium';
import type { Import, JourneyFile } from './generated/ast.js';
import { isIdentifier } from '../model/journey-names.js';
import type { JourneyServices } from './journey-module.js';
import type { JourneyWorkspace, ResolvedPath } from './journey-workspace.js';

/**
 * Follows `import` statements between documents that are loaded in the workspace.
 * Scoping uses it to decide which declarations a file can see; the validator uses it to
 * report missing and cyclic imports.
 */
export class JourneyImports {
    private readonly documents: LangiumDocuments;
    private readonly workspace: JourneyWorkspace;

    constructor(services: JourneyServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.workspace = services.journey.Workspace;
    }

    resolve(imp: Import): ResolvedPath {
        return this.workspace.resolve(AstUtils.getDocument(imp).uri, imp.path);
    }

    /** The namespace that qualifies an import's names: `as x`, else the file's base name. */
    namespaceOf(imp: Import): string | undefined {
        if (imp.alias) {
            return imp.alias;
        }
        const base = UriUtils.basename(this.resolve(imp).uri).replace(/\.journey$/, '');
        return isIdentifier(base) ? base : undefined;
    }

    /** The files a document imports that lie inside the workspace, symbolic links followed: what loading its imports may read. */
    async importedFilesInside(document: LangiumDocument): Promise<URI[]> {
        const inside: URI[] = [];
        for (const imp of importsOf(document.parseResult.value)) {
            const target = await this.workspace.followLinks(document.uri, this.resolve(imp));
            if (target.kind === 'inside') inside.push(target.uri);
        }
        return inside;
    }

    importedDocument(imp: Import): LangiumDocument | undefined {
        const resolved = this.resolve(imp);
        return resolved.kind === 'inside' ? this.documents.getDocument(resolved.uri) : undefined;
    }

    /**
     * Every document reachable through imports (not the document itself), each with the
     * namespace under which it was imported directly, if it was.
     */
    importedDocuments(document: LangiumDocument): Map<string, string | undefined> {
        const result = new Map<string, string | undefined>();
        const ownUri = document.uri.toString();
        const pending: LangiumDocument[] = [document];
        while (pending.length > 0) {
            const current = pending.pop()!;
            for (const imp of importsOf(current.parseResult.value)) {
                const target = this.importedDocument(imp);
                const key = target?.uri.toString();
                if (!target || key === ownUri || result.has(key!)) {
                    continue;
                }
                result.set(key!, current === document ? this.namespaceOf(imp) : undefined);
                pending.push(target);
            }
        }
        return result;
    }

    /** The chain of files that leads from an import back to the importing file, if any. */
    findCycle(imp: Import): URI[] | undefined {
        const start = AstUtils.getDocument(imp);
        const first = this.importedDocument(imp);
        if (!first) {
            return undefined;
        }
        const visited = new Set<string>();
        const search = (document: LangiumDocument, path: URI[]): URI[] | undefined => {
            if (document.uri.toString() === start.uri.toString()) {
                return path;
            }
            if (visited.has(document.uri.toString())) {
                return undefined;
            }
            visited.add(document.uri.toString());
            for (const next of importsOf(document.parseResult.value)) {
                const target = this.importedDocument(next);
                const cycle = target && search(target, [...path, target.uri]);
                if (cycle) {
                    return cycle;
                }
            }
            return undefined;
        };
        return search(first, [first.uri]);
    }
}

function importsOf(root: AstNode): Import[] {
    return (root as JourneyFile).imports ?? [];
}
