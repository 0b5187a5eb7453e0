import { strict as assert } from 'node:assert';
import { reflection } from '../../language/generated/ast.js';
import { nodeFactories } from '../../language/journey-node-factories.generated.js';
import { nodeFields } from '../../langium-lean/node-fields.js';

/**
 * `npm run langium:generate` writes the factories from the grammar's reflection; a grammar changed without it fails
 * here.
 */
describe('the node factories', () => {
    it("make a node of every AST type with $type, Langium's bookkeeping and every property of the type, all undefined", () => {
        assert.deepEqual(Object.keys(nodeFactories).sort(), reflection.getAllTypes().sort());
        for (const type of reflection.getAllTypes()) {
            const node = nodeFactories[type]() as Record<string, unknown>;
            assert.deepEqual(Object.keys(node), ['$type', ...nodeFields(reflection, type)], type);
            assert.equal(node.$type, type);
            assert.deepEqual(
                Object.values(node)
                    .slice(1)
                    .filter(value => value !== undefined),
                [],
                type
            );
        }
    });

    it('make a new node each time', () => {
        assert.notEqual(nodeFactories.Step(), nodeFactories.Step());
    });
});
