import { AstUtils, GrammarAST } from 'langium';

/**
 * The keyword tables the rest of the project reads, worked out from the grammar: every keyword,
 * the keywords each block's lines start with, and the values of the grammar's enumerations.
 * tools/generate-keyword-tables.ts writes them; the tests compare the written files with these.
 */
export interface KeywordTables {
    /** Every keyword, sorted. */
    keywords: string[];
    /**
     * For each node type with a block (`{ … }`) of lines, the keyword each line starts with, in the grammar's order.
     */
    lineKeywords: Record<string, string[]>;
    /**
     * For each data type rule that is a choice of keywords (`ChannelKind returns string: 'online' | 'offline'`), the
     * keywords.
     */
    enumerations: Record<string, string[]>;
}

export function keywordTables(grammar: GrammarAST.Grammar): KeywordTables {
    const rules = AstUtils.streamAllContents(grammar).filter(GrammarAST.isParserRule).toArray();
    const keywords = [
        ...new Set(
            AstUtils.streamAllContents(grammar)
                .filter(GrammarAST.isKeyword)
                .map(keyword => keyword.value)
        )
    ].sort();
    const lineKeywords: Record<string, string[]> = {};
    for (const rule of rules.filter(candidate => !candidate.fragment && !candidate.dataType)) {
        const lines = rule.entry ? entryLines(rule) : blockLines(rule.definition);
        if (lines.length > 0) lineKeywords[rule.name] = unique(lines);
    }
    const enumerations: Record<string, string[]> = {};
    for (const rule of rules.filter(candidate => candidate.dataType)) {
        const choices = alternativesOf(rule.definition);
        if (choices.every(GrammarAST.isKeyword)) enumerations[rule.name] = choices.map(keyword => keyword.value);
    }
    return { keywords, lineKeywords, enumerations };
}

/** The entry rule's lines: the first keyword of each of its parts, and of each alternative of a part. */
function entryLines(rule: GrammarAST.ParserRule): string[] {
    return elementsOf(rule.definition).flatMap(element => alternativesOf(unwrapped(element)).flatMap(firstKeywords));
}

/** The lines of the block in braces of a rule's definition: the first keywords of what repeats between `{` and `}`. */
function blockLines(definition: GrammarAST.AbstractElement): string[] {
    const elements = elementsOf(definition);
    const open = elements.findIndex(element => GrammarAST.isKeyword(element) && element.value === '{');
    if (open < 0) {
        // `('{' Line* '}')?`: the block is optional, in a group of its own.
        return elements.flatMap(element => (GrammarAST.isGroup(element) ? blockLines(element) : []));
    }
    const close = elements.findIndex(
        (element, index) => index > open && GrammarAST.isKeyword(element) && element.value === '}'
    );
    return elements
        .slice(open + 1, close)
        .flatMap(element => alternativesOf(unwrapped(element)).flatMap(firstKeywords));
}

/** The keywords an element can start with, following rule calls and fragments (`steps+=Step` starts with `step`). */
function firstKeywords(element: GrammarAST.AbstractElement): string[] {
    if (GrammarAST.isKeyword(element)) return [element.value];
    if (GrammarAST.isAlternatives(element)) return element.elements.flatMap(firstKeywords);
    if (GrammarAST.isGroup(element)) return element.elements.length > 0 ? firstKeywords(element.elements[0]) : [];
    if (GrammarAST.isAssignment(element)) return firstKeywords(element.terminal);
    if (GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref) && !element.rule.ref.dataType) {
        return firstKeywords(element.rule.ref.definition);
    }
    return [];
}

/** A fragment's call is its definition; anything else as it is. */
function unwrapped(element: GrammarAST.AbstractElement): GrammarAST.AbstractElement {
    if (GrammarAST.isRuleCall(element) && GrammarAST.isParserRule(element.rule.ref) && element.rule.ref.fragment) {
        return element.rule.ref.definition;
    }
    return element;
}

function elementsOf(element: GrammarAST.AbstractElement): GrammarAST.AbstractElement[] {
    return GrammarAST.isGroup(element) ? element.elements : [element];
}

function alternativesOf(element: GrammarAST.AbstractElement): GrammarAST.AbstractElement[] {
    return GrammarAST.isAlternatives(element) ? element.elements : [element];
}

function unique(values: string[]): string[] {
    return [...new Set(values)];
}

/** What a value after a keyword is written as: a quoted text, a number, or a name (an identifier or a reference). */
export type ValueKind = 'text' | 'number' | 'name';

/**
 * For each keyword followed by a value somewhere in the grammar, the kinds that value takes there
 * (`owner "…"`: text; `goal` takes a text in a persona and a step's name in `paths from`).
 */
export function valuesAfterKeywords(grammar: GrammarAST.Grammar): Record<string, ValueKind[]> {
    const found: Record<string, Set<ValueKind>> = {};
    for (const group of AstUtils.streamAllContents(grammar).filter(GrammarAST.isGroup)) {
        group.elements.forEach((element, index) => {
            if (!GrammarAST.isKeyword(element)) return;
            for (const kind of valueKindsAt(group.elements.slice(index + 1)))
                (found[element.value] ??= new Set()).add(kind);
        });
    }
    return Object.fromEntries(Object.entries(found).map(([keyword, kinds]) => [keyword, [...kinds].sort()]));
}

/** The kinds of value the first of `elements` can be, looking past optional ones. */
function valueKindsAt(elements: GrammarAST.AbstractElement[]): ValueKind[] {
    const [first, ...rest] = elements;
    if (!first) return [];
    const kinds = valueKindsOf(first);
    const optional = first.cardinality === '?' || first.cardinality === '*';
    return optional ? [...kinds, ...valueKindsAt(rest)] : kinds;
}

function valueKindsOf(element: GrammarAST.AbstractElement): ValueKind[] {
    if (GrammarAST.isAssignment(element)) return valueKindsOf(element.terminal);
    if (GrammarAST.isCrossReference(element)) return ['name'];
    if (GrammarAST.isAlternatives(element)) return element.elements.flatMap(valueKindsOf);
    if (GrammarAST.isGroup(element)) return valueKindsAt(element.elements);
    if (!GrammarAST.isRuleCall(element)) return [];
    const rule = element.rule.ref;
    if (GrammarAST.isTerminalRule(rule))
        return rule.name === 'STRING' ? ['text'] : rule.name === 'NUMBER' ? ['number'] : ['name'];
    if (GrammarAST.isParserRule(rule)) return rule.dataType ? ['name'] : valueKindsAt(elementsOf(rule.definition));
    return [];
}

