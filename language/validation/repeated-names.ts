import type { AstNode, ValidationAcceptor } from 'langium';
import { isStep } from '../generated/ast.js';
import { IssueCodes } from '../journey-issue-codes.js';
import { t } from '../../model/localisation.js';

// The helpers below name properties of many node types; Langium types `property` per node
// type, so their diagnostic infos are cast (`as never`) where TypeScript cannot follow.
export function reportDuplicates<T extends AstNode & { name: string }>(nodes: T[], key: (node: T) => string, accept: ValidationAcceptor, scope: string): void {
    const seen = new Map<string, T>();
    for (const node of nodes) {
        const first = seen.get(key(node));
        if (first) {
            const line = (first.$cstNode?.range.start.line ?? 0) + 1;
            accept('error', t("Duplicate name '{name}' in {scope} (first declared on line {line}); rename one of them.", { name: node.name, scope, line }), {
                node, property: 'name', code: IssueCodes.DuplicateName, data: { code: IssueCodes.DuplicateName }
            } as never);
        } else {
            seen.set(key(node), node);
        }
    }
}

export function reportRepeated<T extends AstNode>(node: T, property: keyof T & string, label: string, accept: ValidationAcceptor): void {
    const values = node[property] as unknown[];
    for (let index = 1; index < values.length; index++) {
        const message = isStep(node) ? t('A step has more than one {property}; keep one.', { property: label }) : t('This has more than one {property}; keep one.', { property: label });
        accept('error', message, {
            node, property, index, code: IssueCodes.RepeatedProperty, data: { code: IssueCodes.RepeatedProperty }
        } as never);
    }
}

