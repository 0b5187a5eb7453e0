import { GrammarUtils, isCompositeCstNode, isLeafCstNode, type CstNode, type LangiumDocument } from 'langium';
import {
    isJourney,
    isOpportunity,
    isPersona,
    type Journey,
    type JourneyFile,
    type Step
} from '../language/generated/ast.js';
import { lineKeywords } from '../language/journey-line-keywords.generated.js';
import { emotionScaleOf } from '../language/journey-values.js';
import type {
    Body,
    EditOutline,
    NameListLine,
    OutlineBlock,
    OutlineJourney,
    OutlineLine,
    OutlineStep,
    Span
} from '../edit/edit-outline.js';

/** Where each element of a map is in its text, read off the syntax tree: what `journey/edit` plans from. */
export function editOutlineOf(document: LangiumDocument<JourneyFile>): EditOutline {
    const outline: EditOutline = {
        uri: document.uri.toString(),
        text: document.textDocument.getText(),
        journeys: new Map(),
        stages: new Map(),
        steps: new Map(),
        personas: new Map(),
        opportunities: new Map()
    };
    for (const element of document.parseResult.value.elements) {
        if (isJourney(element)) addJourney(outline, element);
        else if (isPersona(element) && element.$cstNode)
            outline.personas.set(element.name, block(element.$cstNode, element.name, 'Persona'));
        else if (isOpportunity(element) && element.$cstNode) {
            const opportunity = block(element.$cstNode, element.name, 'Opportunity');
            const status = opportunity.lines.find(line => line.keyword === 'status');
            const value = status && valueLeaves(element.$cstNode, status.span)[0];
            outline.opportunities.set(element.name, { ...opportunity, status: value && spanOf(value) });
        }
    }
    return outline;
}

function addJourney(outline: EditOutline, journey: Journey): void {
    if (!journey.$cstNode) return;
    const journeyBlock: OutlineJourney = {
        ...block(journey.$cstNode, journey.name, 'Journey'),
        stages: [],
        scale: emotionScaleOf(journey),
        starts: []
    };
    journeyBlock.starts = nameLists(journey.$cstNode, journeyBlock.lines, 'start');
    outline.journeys.set(journey.name, journeyBlock);
    for (const stage of journey.stages) {
        if (!stage.$cstNode) continue;
        const id = `${journey.name}.${stage.name}`;
        journeyBlock.stages.push(id);
        const steps = stage.steps
            .filter(step => step.$cstNode)
            .map(step => addStep(outline, journey, stage.name, step));
        outline.stages.set(id, { ...block(stage.$cstNode, id, 'Stage', stage.name), journey: journey.name, steps });
    }
}

function addStep(outline: EditOutline, journey: Journey, stage: string, step: Step): string {
    const id = `${journey.name}.${step.name}`;
    const cst = step.$cstNode!;
    const stepBlock = block(cst, id, 'Step', step.name);
    const outlined: OutlineStep = {
        ...stepBlock,
        journey: journey.name,
        stage,
        next: nameLists(cst, stepBlock.lines, 'next')
    };
    const emotion = step.emotions.find(each => !each.persona && each.$cstNode);
    const line =
        emotion && stepBlock.lines.find(each => each.keyword === 'emotion' && each.span[1] === emotion.$cstNode!.end);
    if (emotion && line) {
        const part = (property: string) => {
            const node = GrammarUtils.findNodeForProperty(emotion.$cstNode, property);
            return node && spanOf(node);
        };
        outlined.emotion = { line: line.span, score: part('score')!, feeling: part('feeling'), note: part('note') };
    }
    outline.steps.set(id, outlined);
    return id;
}

/** A declaration's name, title, body and lines, from its node's own tokens (not its children's). */
function block(cst: CstNode, id: string, type: string, name = id): OutlineBlock {
    const children = ownChildren(cst);
    const nameNode = GrammarUtils.findNodeForProperty(cst, 'name');
    const titleNode = GrammarUtils.findNodeForProperty(cst, 'title');
    const open = children.find(child => isKeyword(child, '{'));
    const close = children.findLast(child => isKeyword(child, '}'));
    const body: Body | undefined = open && close ? { open: open.offset, close: close.offset } : undefined;
    return {
        id,
        name,
        span: [cst.offset, cst.end],
        nameSpan: nameNode ? spanOf(nameNode) : [cst.offset, cst.offset],
        title: titleNode && spanOf(titleNode),
        body,
        lines: body ? linesOf(children, new Set(lineKeywords[type] ?? []), body) : []
    };
}

/** The block's lines: each from a line keyword to the last token before the next one (comments left out). */
function linesOf(children: CstNode[], keywords: ReadonlySet<string>, body: Body): OutlineLine[] {
    const lines: OutlineLine[] = [];
    for (const child of children) {
        if (child.offset <= body.open || child.offset >= body.close || (isLeafCstNode(child) && child.hidden)) continue;
        const first = firstLeaf(child);
        if (first && keywords.has(first.text) && isKeyword(first, first.text)) {
            // A line keyword, or a nested block that starts with one (a journey's `stage … { }`).
            lines.push({ keyword: first.text, span: [child.offset, child.end] });
        } else if (lines.length > 0) {
            const line = lines.at(-1)!;
            line.span = [line.span[0], child.end];
            line.text ??= firstString(child);
        }
    }
    return lines;
}

/** The `next` (or `start`) lines of a block, with each name and where it is written. */
function nameLists(cst: CstNode, lines: OutlineLine[], keyword: string): NameListLine[] {
    return lines
        .filter(line => line.keyword === keyword)
        .map(line => ({
            span: line.span,
            names: valueLeaves(cst, line.span).map(leaf => ({ name: leaf.text, span: spanOf(leaf) }))
        }));
}

/** The tokens of a line that are not its keyword, commas or comments. */
function valueLeaves(cst: CstNode, span: Span): CstNode[] {
    return ownChildren(cst).filter(
        child =>
            child.offset > span[0] &&
            child.end <= span[1] &&
            !(isLeafCstNode(child) && (child.hidden || isKeyword(child, child.text)))
    );
}

/**
 * The tokens and nodes of a node itself: an unassigned rule call (`Element: Persona | …`) wraps
 * it in one more node.
 */
function ownChildren(cst: CstNode): CstNode[] {
    let node = cst;
    while (
        isCompositeCstNode(node) &&
        node.content.length === 1 &&
        isCompositeCstNode(node.content[0]) &&
        node.content[0].offset === node.offset &&
        node.content[0].end === node.end
    ) {
        node = node.content[0];
    }
    return isCompositeCstNode(node) ? [...node.content] : [];
}

function firstLeaf(node: CstNode): CstNode | undefined {
    if (isLeafCstNode(node)) return node.hidden ? undefined : node;
    for (const child of ownChildren(node)) {
        const found = firstLeaf(child);
        if (found) return found;
    }
    return undefined;
}

function firstString(node: CstNode): Span | undefined {
    if (isLeafCstNode(node)) return node.tokenType.name === 'STRING' ? spanOf(node) : undefined;
    for (const child of ownChildren(node)) {
        const found = firstString(child);
        if (found) return found;
    }
    return undefined;
}

function isKeyword(node: CstNode, value: string): boolean {
    return isLeafCstNode(node) && !node.hidden && node.text === value && node.tokenType.name === value;
}

function spanOf(node: CstNode): Span {
    return [node.offset, node.end];
}
