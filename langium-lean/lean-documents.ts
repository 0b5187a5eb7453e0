import type { AstNode, LangiumDocument } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { spliceAll } from './large-arrays.js';
import type { CheckResults } from './check-reuse.js';
import type { Graft } from './incremental-parse.js';
import { forEachNodeOf, subtreeNodes } from './node-list.js';
import type { PartialRelink } from './partial-linker.js';

/**
 * What the lean layer remembers about a document from one build to the next. Each entry
 * belongs to one tree (the parse it was made for) and is ignored once the document holds
 * another; each build overwrites the last, so nothing from older trees stays reachable.
 */
interface DocumentMemory {
    /** Every node of the tree, root first, depth first (see node-list.ts). */
    nodes?: { parse: unknown; list: AstNode[] };
    /** What the incremental parse that made the tree did, if the last parse was one. */
    graft?: Graft;
    /** The builder kept the links through its reset; the next link decides whether they still hold. */
    keptLinks: boolean;
    /** What the last link did, when it redid only part of the document. */
    partialRelink?: PartialRelink;
    /** What each node's checks gave in the last validation. */
    checkResults?: CheckResults;
}

/**
 * The lean layer's per-document state, in one service shared by the factory, builder, linker,
 * index and validator it replaces: the node list, the last graft, the kept links and the
 * last check results. Keyed by the document object, which Langium keeps through updates and
 * drops when the document is deleted.
 */
export class LeanDocuments {
    private readonly memories = new WeakMap<LangiumDocument, DocumentMemory>();

    private of(document: LangiumDocument): DocumentMemory {
        let memory = this.memories.get(document);
        if (!memory) {
            memory = { keptLinks: false };
            this.memories.set(document, memory);
        }
        return memory;
    }

    /** Every node of the document's tree, root first, depth first; made once per parse. */
    nodesOf(document: LangiumDocument): AstNode[] {
        const memory = this.of(document);
        if (memory.nodes?.parse !== document.parseResult) {
            memory.nodes = { parse: document.parseResult, list: subtreeNodes(document.parseResult.value) };
        }
        return memory.nodes.list;
    }

    /** Runs `work` on every node of the document, giving other requests a turn (see node-list.ts). */
    forEachNode(
        document: LangiumDocument,
        cancelToken: CancellationToken | undefined,
        work: (node: AstNode) => void | Promise<void>
    ): Promise<void> {
        return forEachNodeOf(this.nodesOf(document), cancelToken, work);
    }

    /** Notes that `graft` made the document's next tree: its node list is the old one with the subtree swapped. */
    grafted(document: LangiumDocument, graft: Graft): void {
        const memory = this.of(document);
        memory.graft = graft;
        const nodes = memory.nodes?.parse === graft.previous ? memory.nodes.list : undefined;
        const start = nodes?.indexOf(graft.removed[0]) ?? -1;
        if (nodes && start >= 0) {
            spliceAll(nodes, start, graft.removed.length, graft.added);
            memory.nodes = { parse: graft.result, list: nodes };
        }
    }

    /** The graft that made the document's current tree, if its last parse was incremental. */
    graftOf(document: LangiumDocument): Graft | undefined {
        const graft = this.of(document).graft;
        return graft?.result === document.parseResult ? graft : undefined;
    }

    keepLinks(document: LangiumDocument): void {
        this.of(document).keptLinks = true;
    }

    /** Whether the links were kept through the last reset; asking forgets it. */
    takeKeptLinks(document: LangiumDocument): boolean {
        const memory = this.of(document);
        const kept = memory.keptLinks;
        memory.keptLinks = false;
        return kept;
    }

    setPartialRelink(document: LangiumDocument, relink: PartialRelink | undefined): void {
        this.of(document).partialRelink = relink;
    }

    /** What the last link of the document redid, if it redid only part of it. */
    partialRelinkOf(document: LangiumDocument): PartialRelink | undefined {
        return this.of(document).partialRelink;
    }

    setCheckResults(document: LangiumDocument, results: CheckResults): void {
        this.of(document).checkResults = results;
    }

    lastCheckResults(document: LangiumDocument): CheckResults | undefined {
        return this.of(document).checkResults;
    }
}
