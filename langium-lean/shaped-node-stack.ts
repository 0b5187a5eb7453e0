import { isAstNode, type AstNode, type AstReflection } from 'langium';

/** What the stack knows of a type: how to make a node with every property, which are lists, which others, and the defaults of those. */
interface TypeShape {
    make: () => object;
    lists: string[];
    singles: string[];
    defaults: Array<[string, unknown]>;
}

/**
 * The parser's stack of AST nodes under construction, handing out each new node with every
 * property of its type already there (undefined until assigned). Langium starts a node as
 * `{ $type }` and assigns its properties by computed name; V8 turns an object that gains more
 * than a dozen properties that way into a hash table. A step has some thirty properties (its
 * lines' lists): as a hash table it took 1.5 KB, a sixth of a large workspace's heap. Made
 * by its type's factory, an object literal with every property and Langium's `$container`
 * and `$cstNode` (`node-factories.generated.ts`), a node keeps them all inside the object. And once a
 * node is finished, its lists are cut to size, its properties take their defaults and its
 * children learn their container: Langium does the last two on every node by walking its
 * `Object.entries` (a sixth of parsing), once in `construct` and again over the whole tree
 * at the end of the parse; `LeanParser` leaves both out for the nodes made here.
 */
export class ShapedNodeStack extends Array<object> {
    private readonly shapes = new Map<string, TypeShape | undefined>();
    /** Whether an AST node of a type the reflection does not know went through: its children were not linked here. */
    unshapedSeen = false;

    constructor(private readonly reflection: AstReflection, private readonly nodeFactories: Readonly<Record<string, () => object>>) {
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

    /** The finished node on top, popped and given its defaults, if it is of a type the stack knows; else nothing is popped. */
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
     * A list grown by `push` keeps room for 16 more items, where most lists of a step hold one
     * or two: a copy made by `slice` holds exactly its items. And Langium gives every list
     * property a `[]` of its own (32 bytes; a step has some twenty-five it does not use): one
     * frozen list serves them all. Nothing adds to a finished node's lists — the parser keeps
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
function contain(child: AstNode, container: Record<string, unknown>, property: string): { -readonly [Key in keyof AstNode]: AstNode[Key] } {
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
function shapeOf(reflection: AstReflection, nodeFactories: Readonly<Record<string, () => object>>, type: string): TypeShape | undefined {
    const make = Object.hasOwn(nodeFactories, type) ? nodeFactories[type] : undefined;
    if (!make) return undefined;
    try {
        const properties = Object.values(reflection.getTypeMetaData(type).properties);
        const singles = properties.filter(property => !Array.isArray(property.defaultValue));
        return {
            make,
            lists: properties.filter(property => Array.isArray(property.defaultValue)).map(property => property.name),
            singles: singles.map(property => property.name),
            defaults: singles.filter(property => property.defaultValue !== undefined).map(property => [property.name, property.defaultValue])
        };
    } catch {
        return undefined;
    }
}
