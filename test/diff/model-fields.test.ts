import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { elementTypes, modelFields, valueTypes } from '../../diff/model-fields.js';
import { repoRoot } from '../journey-test-kit.js';

/** The exported interfaces of a source file and the names of their properties, read by the TypeScript compiler. */
function interfacesOf(path: string): Map<string, string[]> {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    const interfaces = new Map<string, string[]>();
    for (const statement of source.statements) {
        if (ts.isInterfaceDeclaration(statement) && statement.modifiers?.some(modifier => modifier.kind === ts.SyntaxKind.ExportKeyword)) {
            interfaces.set(statement.name.text, statement.members.filter(ts.isPropertySignature).map(member => member.name.getText(source)));
        }
    }
    return interfaces;
}

/** Every field and type of a model source that the diff's table does not classify, as `Type.field` or `Type`. */
function unclassified(path: string): string[] {
    const kindOf = new Map(Object.entries(elementTypes).map(([kind, type]) => [type, kind as keyof typeof modelFields]));
    const problems: string[] = [];
    for (const [type, fields] of interfacesOf(path)) {
        const kind = kindOf.get(type);
        if (kind === undefined) {
            if (!(type in valueTypes)) problems.push(type);
            continue;
        }
        const classified = modelFields[kind] as Record<string, unknown>;
        problems.push(...fields.filter(field => !(field in classified)).map(field => `${type}.${field}`));
    }
    return problems;
}

describe('the diff classifies every field of the JourneyModel', () => {
    it('has a rule for every field of every type in model/journey-model.ts', () => {
        const interfaces = interfacesOf(join(repoRoot, 'model', 'journey-model.ts'));
        assert.ok(interfaces.size >= 16, `found ${interfaces.size} interfaces: the census reads the real model`);
        assert.deepEqual(unclassified(join(repoRoot, 'model', 'journey-model.ts')), []);
        for (const [kind, type] of Object.entries(elementTypes)) {
            assert.deepEqual(Object.keys(modelFields[kind as keyof typeof modelFields]).sort(), [...interfaces.get(type)!].sort(), `${type} and its table rules name the same fields`);
        }
    });

    it('fails for a model with a field or a type the table does not know', () => {
        assert.deepEqual(unclassified(join(repoRoot, 'test', 'fixtures', 'model-fields', 'model-with-unclassified-field.ts')), ['StepModel.mood', 'WeatherModel']);
    });

    it('gives a reason for every field it does not compare', () => {
        for (const [kind, table] of Object.entries(modelFields)) {
            for (const [field, rule] of Object.entries(table as Record<string, { role: string; why?: string }>)) {
                if (rule.role === 'presentation' || rule.role === 'derived') assert.ok((rule.why ?? '').length > 20, `${kind}.${field}`);
            }
        }
    });
});
