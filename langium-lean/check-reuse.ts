import type { AstNode, ParseResult } from 'langium';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import type { Graft } from './incremental-parse.js';
import type { PartialRelink } from './partial-linker.js';

/**
 * The diagnostics each node's checks made in one validation of a document, kept so that the
 * next validation, after an edit inside one step, can take them instead of running the checks
 * again (see `planCheckReuse`).
 */
export class CheckResults {
    private readonly byNode = new Map<AstNode, Diagnostic[]>();

    /**
     * For the tree of `parse`, running the checks of `categories`, with what is outside the text at
     * `externalVersion`.
     */
    constructor(
        readonly parse: ParseResult,
        readonly categories: string,
        readonly externalVersion: number
    ) {}

    record(node: AstNode, diagnostic: Diagnostic): void {
        const diagnostics = this.byNode.get(node);
        if (diagnostics) diagnostics.push(diagnostic);
        else this.byNode.set(node, [diagnostic]);
    }

    of(node: AstNode): Diagnostic[] | undefined {
        return this.byNode.get(node);
    }
}

/**
 * For each node of a document being validated: whether its checks run, or what the last run's gave, moved with the
 * text.
 */
export interface CheckReuse {
    mustCheck(node: AstNode): boolean;
    reused(node: AstNode): Diagnostic[];
}

/**
 * A node's checks look at the node, what is below it, and what its references lead to; those
 * of its ancestors may look at all below them (duplicate names, the flow, unused declarations).
 * So after an incremental parse and a partial relink, the checks that must run again are those
 * of the new subtree, of the nodes whose references were linked anew, of the subtree's
 * ancestors up to the root, and of the types that look across the file
 * (LeanLanguageConfig.looksAcrossTheFile). Everything else is taken from the last run, if that
 * run validated the tree the graft was made on, with the same categories of checks, and
 * nothing outside the text changed since.
 */
export function planCheckReuse(
    last: CheckResults | undefined,
    next: CheckResults,
    relink: PartialRelink | undefined,
    looksAcrossTheFile: ReadonlySet<string>
): CheckReuse | undefined {
    const graft = relink?.graft;
    if (
        !last ||
        !graft ||
        graft.result !== next.parse ||
        last.parse !== graft.previous ||
        last.categories !== next.categories ||
        last.externalVersion !== next.externalVersion
    ) {
        return undefined;
    }
    const recheck = new Set<AstNode>(relink.relinked);
    for (let node = graft.added[0].$container; node; node = node.$container) recheck.add(node);
    return {
        mustCheck: node => recheck.has(node) || looksAcrossTheFile.has(node.$type),
        reused: node => last.of(node)?.map(diagnostic => movedWithText(diagnostic, graft)) ?? []
    };
}

/** A diagnostic of a node outside the graft: one after it moves as the text after the graft moved. */
function movedWithText(diagnostic: Diagnostic, graft: Graft): Diagnostic {
    const { start, end } = diagnostic.range;
    if (
        start.line < graft.oldEnd.line ||
        (start.line === graft.oldEnd.line && start.character < graft.oldEnd.character)
    ) {
        return diagnostic;
    }
    return { ...diagnostic, range: { start: moved(start, graft), end: moved(end, graft) } };
}

function moved(position: Position, { oldEnd, newEnd }: Graft): Position {
    return position.line === oldEnd.line
        ? { line: newEnd.line, character: position.character - oldEnd.character + newEnd.character }
        : { line: position.line + newEnd.line - oldEnd.line, character: position.character };
}
