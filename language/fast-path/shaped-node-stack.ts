import type { AstReflection } from 'langium';

/**
 * The parser's stack of AST nodes under construction, handing out each new node with every
 * property of its type already there (undefined until assigned). Langium starts a node as
 * `{ $type }` and assigns its properties by computed name; V8 turns an object that gains more
 * than a dozen properties that way into a hash table. A step has some thirty properties (its
 * lines' lists): as a hash table it took 1.5 KB, a sixth of a large workspace's heap. Made
 * from a template of its type, a node keeps a fixed shape of in-object fields. And once a
 * node is finished, its lists are cut to size.
 */
export class ShapedNodeStack extends Array<object> {
    private templates?: Map<string, object | undefined>;
    private listProperties?: Map<string, string[]>;
    private reflection?: AstReflection;

    /** Arrays made by `map` or `slice` of this stack are plain arrays. */
    static override get [Symbol.species](): ArrayConstructor {
        return Array;
    }

    static shapedBy(reflection: AstReflection): ShapedNodeStack {
        const stack = new ShapedNodeStack();
        stack.reflection = reflection;
        stack.templates = new Map();
        stack.listProperties = new Map();
        return stack;
    }

    override push(...nodes: object[]): number {
        for (const node of nodes) super.push(this.shaped(node));
        return this.length;
    }

    /**
     * The node the parser has finished: its lists, grown item by item with room to spare, are
     * cut to their length, and the lists it has nothing in are one shared, frozen empty list.
     */
    override pop(): object | undefined {
        const node = super.pop();
        if (node) {
            withExactLists(node as Record<string, unknown>);
            this.withSharedEmptyLists(node as Record<string, unknown>);
        }
        return node;
    }

    /**
     * Langium gives every list property a `[]` of its own (32 bytes; a step has some twenty-five
     * it does not use). Nothing adds to a finished node's lists — the incremental parse replaces
     * items, it never inserts — so one frozen list serves them all; a write would throw, not corrupt.
     */
    private withSharedEmptyLists(node: Record<string, unknown>): void {
        const type = node.$type;
        if (typeof type !== 'string' || !this.listProperties) return;
        let lists = this.listProperties.get(type);
        if (!lists) this.listProperties.set(type, lists = listPropertiesOf(this.reflection!, type));
        for (const name of lists) if (node[name] === undefined) node[name] = noItems;
    }

    /** A fresh `{ $type }` as a copy of its type's template; anything else as it is (data type values, merged nodes). */
    private shaped(node: object): object {
        const type = (node as { $type?: unknown }).$type;
        if (typeof type !== 'string' || !this.templates) return node;
        for (const key in node) if (key !== '$type') return node;
        let template = this.templates.get(type);
        if (!this.templates.has(type)) {
            template = templateOf(this.reflection!, type);
            this.templates.set(type, template);
        }
        return template ? { ...template } : node;
    }
}

/** The one empty list of every finished node that has nothing in a list. */
const noItems: readonly unknown[] = Object.freeze([]);

/** The properties of a type that are lists (Langium's default value for them is `[]`). */
function listPropertiesOf(reflection: AstReflection, type: string): string[] {
    try {
        return Object.values(reflection.getTypeMetaData(type).properties).filter(property => Array.isArray(property.defaultValue)).map(property => property.name);
    } catch {
        return [];
    }
}

/** `{ $type, a: undefined, b: undefined, … }` with every property of the type, or undefined for a type the reflection does not know. */
function templateOf(reflection: AstReflection, type: string): object | undefined {
    try {
        const properties = Object.values(reflection.getTypeMetaData(type).properties).map(property => property.name);
        return Object.fromEntries([['$type', type], ...properties.map(name => [name, undefined])]);
    } catch {
        return undefined;
    }
}

/**
 * A list that grew by `push` keeps room for 16 more items; most lists of a step hold one or
 * two. A copy made by `slice` holds exactly its items. The parser keeps no list of a finished
 * node, so the copies take the lists' place.
 */
function withExactLists(node: Record<string, unknown>): void {
    for (const key in node) {
        const value = node[key];
        if (Array.isArray(value) && value.length > 0) node[key] = value.slice();
    }
}
