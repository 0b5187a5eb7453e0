import { isAstNode, type AstNode, type AstReflection } from 'langium';

/**
 * What the stack knows of a type: how to make a node with every property, which are lists, which others, and the
 * defaults of those.
 */
interface TypeShape {
    make: () => object;
    lists: string[];
    singles: string[];
    defaults: Array<[string, unknown]>;
}

/**
 * The parser's stack of AST nodes under construction, handing out each new node with every
 * property of its type already there, made by its type's factory (LeanLanguageConfig.nodeFactories):
 * V8 turns an object that gains many properties by computed name, as Langium's `{ $type }` does,
 * into a hash table. Once a node is finished, its lists are cut to size, its properties take
 * their defaults and its children learn their container, so `LeanParser` leaves out Langium's
 * walks over every node's `Object.entries` that do the last two.
 */
export class ShapedNodeStack extends Array<object> {
    private readonly shapes = new Map<string, TypeShape | undefined>();
    /** Whether an AST node of a type the reflection does not know went through: its children were not linked here. */
    unshapedSeen = false;

    constructor(
        private readonly reflection: AstReflection,
        private readonly nodeFactories: Readonly<Record<string, () => object>>
    ) {
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
        const node = super.pop() as Record<string, unknown> | undefined;
        const shape = node && this.shapeOf(node.$type);
        if (shape) this.finish(node!, shape);
        return node;
    }

    /**
     * The finished node on top, popped and given its defaults, if it is of a type the stack knows; else nothing is
     * popped.
     */
    popShaped(): object | undefined {
        const node = this[this.length - 1] as Record<string, unknown> | undefined;
        const shape = node && this.shapeOf(node.$type);
        if (!shape) return undefined;
        super.pop();
        this.finish(node!, shape);
        return node;
    }

    /**
     * A fresh `{ $type }` as its type's factory makes it; anything else as it is: a data type
     * value, or a node made before that a rule without an assignment of its own hands on (an
     * `Element` that is a `Persona`), which `finish` sees again when popped.
     */
    private shaped(node: object): object {
        const type = (node as { $type?: unknown }).$type;
        const shape = this.shapeOf(type);
        if (!shape) {
            this.unshapedSeen ||= typeof type === 'string';
            return node;
        }
        for (const key in node) if (key !== '$type') return node;
        return shape.make();
    }

    /**
     * A list grown by `push` keeps room to grow: a copy made by `slice` holds exactly its items.
     * And Langium gives every list property a `[]` of its own, most of them never used: one frozen
     * list serves them all. Nothing adds to a finished node's lists — the parser keeps
     * none of them, the incremental parse replaces items and never inserts — so a write would
     * throw, not corrupt.
     */
    private finish(node: Record<string, unknown>, shape: TypeShape): void {
        for (const name of shape.lists) {
            const list = node[name];
            if (list === undefined) {
                node[name] = noItems;
            } else if (Array.isArray(list) && list.length > 0) {
                const items = list.slice();
                node[name] = items;
                for (let index = 0; index < items.length; index++) {
                    const item = items[index];
                    if (isAstNode(item)) contain(item, node, name).$containerIndex = index;
                }
            }
        }
        for (const name of shape.singles) {
            const value = node[name];
            if (isAstNode(value)) contain(value, node, name);
        }
        for (const [name, value] of shape.defaults) {
            if (node[name] === undefined) node[name] = value;
        }
    }

    private shapeOf(type: unknown): TypeShape | undefined {
        if (typeof type !== 'string') return undefined;
        if (!this.shapes.has(type)) this.shapes.set(type, shapeOf(this.reflection, this.nodeFactories, type));
        return this.shapes.get(type);
    }
}

/** Tells a node its container and the property that holds it, as Langium's `linkContentToContainer` does. */
function contain(
    child: AstNode,
    container: Record<string, unknown>,
    property: string
): { -readonly [Key in keyof AstNode]: AstNode[Key] } {
    const writable = child as { -readonly [Key in keyof AstNode]: AstNode[Key] };
    writable.$container = container as unknown as AstNode;
    writable.$containerProperty = property;
    return writable;
}

/** The one empty list of every finished node that has nothing in a list. */
const noItems: readonly unknown[] = Object.freeze([]);

/**
 * The factory of a type's nodes (LeanLanguageConfig.nodeFactories), the list properties
 * (Langium's default for them is `[]`), the others, and the defaults of those (`false` for a
 * flag); none for a type the reflection or the factories do not know.
 */
function shapeOf(
    reflection: AstReflection,
    nodeFactories: Readonly<Record<string, () => object>>,
    type: string
): TypeShape | undefined {
    const make = Object.hasOwn(nodeFactories, type) ? nodeFactories[type] : undefined;
    if (!make) return undefined;
    try {
        const properties = Object.values(reflection.getTypeMetaData(type).properties);
        const singles = properties.filter(property => !Array.isArray(property.defaultValue));
        return {
            make,
            lists: properties.filter(property => Array.isArray(property.defaultValue)).map(property => property.name),
            singles: singles.map(property => property.name),
            defaults: singles
                .filter(property => property.defaultValue !== undefined)
                .map(property => [property.name, property.defaultValue])
        };
    } catch {
        return undefined;
    }
}
