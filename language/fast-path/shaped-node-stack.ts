import type { AstReflection } from 'langium';

/** What the stack knows of a type: a node with every property, and which properties are lists. */
interface TypeShape {
    template: object;
    lists: string[];
}

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
    private readonly shapes = new Map<string, TypeShape | undefined>();

    constructor(private readonly reflection: AstReflection) {
        super();
    }

    /** Arrays made by `map` or `slice` of this stack are plain arrays. */
    static override get [Symbol.species](): ArrayConstructor {
        return Array;
    }

    override push(...nodes: object[]): number {
        for (const node of nodes) super.push(this.shaped(node));
        return this.length;
    }

    /** The node the parser has finished: see `finish`. */
    override pop(): object | undefined {
        const node = super.pop();
        if (node) this.finish(node as Record<string, unknown>);
        return node;
    }

    /** A fresh `{ $type }` as a copy of its type's template; anything else as it is (data type values, merged nodes). */
    private shaped(node: object): object {
        for (const key in node) if (key !== '$type') return node;
        const shape = this.shapeOf((node as { $type?: unknown }).$type);
        return shape ? { ...shape.template } : node;
    }

    /**
     * A list grown by `push` keeps room for 16 more items, where most lists of a step hold one
     * or two: a copy made by `slice` holds exactly its items. And Langium gives every list
     * property a `[]` of its own (32 bytes; a step has some twenty-five it does not use): one
     * frozen list serves them all. Nothing adds to a finished node's lists — the parser keeps
     * none of them, the incremental parse replaces items and never inserts — so a write would
     * throw, not corrupt.
     */
    private finish(node: Record<string, unknown>): void {
        for (const name of this.shapeOf(node.$type)?.lists ?? []) {
            const list = node[name];
            if (list === undefined) node[name] = noItems;
            else if (Array.isArray(list) && list.length > 0) node[name] = list.slice();
        }
    }

    private shapeOf(type: unknown): TypeShape | undefined {
        if (typeof type !== 'string') return undefined;
        if (!this.shapes.has(type)) this.shapes.set(type, shapeOf(this.reflection, type));
        return this.shapes.get(type);
    }
}

/** The one empty list of every finished node that has nothing in a list. */
const noItems: readonly unknown[] = Object.freeze([]);

/** `{ $type, a: undefined, b: undefined, … }` and the list properties (Langium's default for them is `[]`); none for a type the reflection does not know. */
function shapeOf(reflection: AstReflection, type: string): TypeShape | undefined {
    try {
        const properties = Object.values(reflection.getTypeMetaData(type).properties);
        return {
            template: Object.fromEntries([['$type', type], ...properties.map(property => [property.name, undefined])]),
            lists: properties.filter(property => Array.isArray(property.defaultValue)).map(property => property.name)
        };
    } catch {
        return undefined;
    }
}
