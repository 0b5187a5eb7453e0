import { lineKeywords } from './journey-line-keywords.generated.js';
import { AstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction } from 'langium/lsp';
import { isClaim, isJourneyFile, isSlide, isStage, isStep } from './generated/ast.js';

/** The keywords a statement of a block starts with (its stages and steps are nodes of their own). */
const blocks = ['Persona', 'Opportunity', 'Journey', 'Step', 'Claim', 'View', 'Story'];
const statementKeywords: Record<string, ReadonlySet<string>> = Object.fromEntries(blocks
    .map(type => [type, new Set(lineKeywords[type].filter(keyword => keyword !== 'stage'))]));

/** One line break, or two where the author left a blank line; never more. */
const lineBreak: FormattingAction = Formatting.fit(Formatting.newLine(), Formatting.newLines(2));
const indentedLine: FormattingAction = { options: {}, moves: [{ tabs: 1, lines: 1 }, { tabs: 1, lines: 2 }] };
/**
 * A claim's block (`pain "…" { evidence "…" }`) opens in the middle of a step's line, and
 * Langium indents from the step: its lines go two levels in, its `}` one.
 */
const claimLine: FormattingAction = { options: {}, moves: [{ tabs: 2, lines: 1 }, { tabs: 2, lines: 2 }] };
const claimClose: FormattingAction = { options: {}, moves: [{ tabs: 1, lines: 1 }] };

/**
 * One statement per line inside a block written over several lines, one space between
 * the tokens of a statement. A block written on one line (`step Buy { emotion 4 }`)
 * stays on one line. Comments are kept where they are, indented with the statement that
 * follows them. Documents with syntax errors are never formatted (Langium's default).
 */
export class JourneyFormatter extends AbstractFormatter {
    protected format(node: AstNode): void {
        const cst = node.$cstNode;
        if (!cst || !isCompositeCstNode(cst)) {
            return;
        }
        const children = ownTokens(cst, node);
        const multiLine = isMultiLineBlock(children);
        let previous: CstNode | undefined;
        for (const child of children) {
            const spacing = this.spacingBefore(node, child, previous, multiLine);
            if (spacing) {
                this.getNodeFormatter(node).cst([child]).prepend(spacing);
            }
            if (!child.hidden) {
                previous = child;
            }
        }
    }

    private spacingBefore(node: AstNode, child: CstNode, previous: CstNode | undefined, multiLine: boolean): FormattingAction | undefined {
        if (isJourneyFile(node)) {
            // `language zh-cn` is one line; every other token of the file's own starts one (imports and declarations are nodes of their own).
            if (previous && keywordOf(previous) === 'language' && !child.hidden) return Formatting.oneSpace();
            return previous || child.hidden ? lineBreak : undefined;
        }
        if (!previous) {
            return undefined; // the node's first token: its parent decides
        }
        if (child.hidden) {
            const ownLine = previous.range.end.line < child.range.start.line;
            return ownLine && multiLine ? (isClaim(node) ? claimLine : indentedLine) : undefined;
        }
        const text = keywordOf(child);
        if (text === '}') {
            if (!multiLine) return Formatting.oneSpace();
            return isClaim(node) ? claimClose : Formatting.newLine();
        }
        if (text === ',' || text === '..' || text === '.' || ['..', '.'].includes(keywordOf(previous) ?? '')) {
            return Formatting.noSpace();
        }
        if (this.startsStatement(node, child)) {
            if (!multiLine) return Formatting.oneSpace();
            return isClaim(node) ? claimLine : indentedLine;
        }
        return Formatting.oneSpace();
    }

    private startsStatement(node: AstNode, child: CstNode): boolean {
        const keyword = keywordOf(child);
        if (keyword) {
            return (statementKeywords[node.$type]?.has(keyword) ?? false) && !isLaneName(child);
        }
        return child.astNode !== node && (isStage(child.astNode) || isStep(child.astNode) || isSlide(child.astNode));
    }
}

/**
 * The tokens of a node and the nodes of its children, in order. Rule calls that do not
 * create a node of their own (`Element`, `QualifiedName`, `MetricName`) wrap the
 * node's tokens in extra CST levels; those are looked through.
 */
function ownTokens(cst: CstNode, node: AstNode): CstNode[] {
    if (!isCompositeCstNode(cst)) {
        return [cst];
    }
    return cst.content.flatMap(child => isCompositeCstNode(child) && child.astNode === node ? ownTokens(child, node) : [child]);
}

function keywordOf(node: CstNode): string | undefined {
    return GrammarAST.isKeyword(node.grammarSource) ? node.grammarSource.value : undefined;
}

/** `lanes emotion, stages`: a lane named by a word that starts a line elsewhere is a name, not a statement. */
function isLaneName(node: CstNode): boolean {
    return AstUtils.getContainerOfType(node.grammarSource, GrammarAST.isParserRule)?.name === 'LaneName';
}

function isMultiLineBlock(children: readonly CstNode[]): boolean {
    const open = children.find(child => keywordOf(child) === '{');
    const close = children.findLast(child => keywordOf(child) === '}');
    return open !== undefined && close !== undefined && open.range.start.line !== close.range.start.line;
}
