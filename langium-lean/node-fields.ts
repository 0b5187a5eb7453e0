import type { AstReflection } from 'langium';

/** What Langium tells every node it holds: its container, where there, and its CST node. */
const bookkeeping = ['$container', '$containerProperty', '$containerIndex', '$cstNode'];

/**
 * The fields, besides `$type`, of a node of `type` as our parser makes it: Langium's bookkeeping,
 * then the type's properties. The fast path's node factories (`fast-path/node-factories.generated.ts`) are written
  * from it.
 */
export function nodeFields(reflection: AstReflection, type: string): string[] {
    return [...bookkeeping, ...Object.keys(reflection.getTypeMetaData(type).properties)];
}
