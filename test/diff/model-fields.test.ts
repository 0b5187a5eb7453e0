import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { modelFields, type ElementKind, type FieldRule } from '../../diff/model-fields.js';
import type { JourneyModel } from '../../model/journey-model.js';
import { designDir, examplesDir, journeyFilesIn, repoRoot } from '../journey-test-kit.js';
import { modelsWithImports } from '../render/render-kit.js';

/**
 * A census of the models the model builder really makes: every field of every element, walked
 * from the file down through the table's `elements` rules. The table's `satisfies FieldTable<T>`
 * makes a field declared in the model's types fail to compile until it is classified; this
 * catches what the types cannot see, such as a field the builder writes that no type declares.
 */
interface Census {
    /** `kind.field` for every field of an element that the table does not classify. */
    unclassified: Set<string>;
    /** `kind.field` for every classified field that held a value somewhere. */
    seen: Set<string>;
}

function takeCensus(models: unknown[]): Census {
    const census: Census = { unclassified: new Set(), seen: new Set() };
    for (const model of models) visit('file', model as Record<string, unknown>, census);
    return census;
}

function visit(kind: ElementKind, element: Record<string, unknown>, census: Census): void {
    for (const [field, value] of Object.entries(element)) {
        if (value === undefined) continue;
        const rule = (modelFields[kind] as Record<string, FieldRule | undefined>)[field];
        if (rule === undefined) {
            census.unclassified.add(`${kind}.${field}`);
            continue;
        }
        if (Array.isArray(value) && value.length === 0) continue;
        census.seen.add(`${kind}.${field}`);
        if (rule.role !== 'elements') continue;
        for (const child of Array.isArray(value) ? value : [value])
            visit(rule.element, child as Record<string, unknown>, census);
    }
}

const tableFields = Object.entries(modelFields).flatMap(([kind, table]) =>
    Object.keys(table).map(field => `${kind}.${field}`)
);

describe('the diff classifies every field of the JourneyModel', () => {
    let models: JourneyModel[] = [];
    before(async function () {
        this.timeout(120_000);
        const files = [
            ...journeyFilesIn(examplesDir),
            ...journeyFilesIn(designDir),
            join(repoRoot, 'test', 'fixtures', 'model-fields', 'every-field.journey')
        ];
        models = await modelsWithImports(files);
    });

    it('has a rule for every field the model builder writes, in every example and design map and the census fixture', () => {
        assert.ok(models.length >= 8, `read ${models.length} models`);
        assert.deepEqual([...takeCensus(models).unclassified], []);
    });

    it('sees every field of its table in some map it reads, so that the census covers the whole table', () => {
        const { seen } = takeCensus(models);
        assert.deepEqual(tableFields.filter(field => !seen.has(field)), []);
    });

    it('reports a field, and a field of a nested element, that the table does not know', () => {
        const model = structuredClone(models.find(each => each.journeys.length > 0)!) as unknown as {
            journeys: Array<{ stages: Array<{ steps: Array<Record<string, unknown>> }> }>;
        };
        const step = model.journeys[0].stages[0].steps[0];
        step.mood = 'sunny';
        step.emotion = { score: 3, weather: 'rain' };
        assert.deepEqual([...takeCensus([model]).unclassified].sort(), ['emotion.weather', 'step.mood']);
    });

    it('gives a reason for every field it does not compare', () => {
        for (const [kind, table] of Object.entries(modelFields)) {
            for (const [field, rule] of Object.entries(table as Record<string, { role: string; why?: string }>)) {
                if (rule.role === 'presentation' || rule.role === 'derived')
                    assert.ok((rule.why ?? '').length > 20, `${kind}.${field}`);
            }
        }
    });
});
