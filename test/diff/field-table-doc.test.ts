import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelFields, type FieldRule } from '../../diff/model-fields.js';
import { repoRoot } from '../journey-test-kit.js';

const docPath = join(repoRoot, 'docs', 'diff.md');
const start =
    '<!-- field table: generated from diff/model-fields.ts by test/diff/field-table-doc.test.ts (UPDATE_DOCS=1 rewrites it) -->';
const end = '<!-- end of field table -->';

function ruleInWords(rule: FieldRule): string {
    switch (rule.role) {
        case 'key':
            return 'matched on';
        case 'value':
            return 'compared: before → after';
        case 'texts':
            return 'compared: texts added, removed, edited';
        case 'names':
            return rule.ordered ? 'compared: names added, removed, reordered' : 'compared: names added, removed';
        case 'elements':
            return `compared: each ${rule.element}, field by field`;
        case 'presentation':
            return `not compared (presentation): ${rule.why}`;
        case 'derived':
            return `not compared (derived): ${rule.why}`;
        case 'observed':
            return `compared as observations: ${rule.why}`;
        case 'part':
            return 'compared as part of the whole: one change names every part that changed';
    }
}

function fieldTable(): string {
    const rows = Object.entries(modelFields).flatMap(([element, fields]) =>
        Object.entries(fields as Record<string, FieldRule>).map(
            ([field, rule]) => `| ${element} | \`${field}\` | ${ruleInWords(rule)} |`
        )
    );
    return ['| element | field | in the diff |', '|---|---|---|', ...rows].join('\n');
}

describe('docs/diff.md', () => {
    it('lists every field of the diff\'s table, as the table says', () => {
        const doc = readFileSync(docPath, 'utf8');
        const generated = `${start}\n${fieldTable()}\n${end}`;
        const current = doc.slice(doc.indexOf(start), doc.indexOf(end) + end.length);
        if (process.env.UPDATE_DOCS) writeFileSync(docPath, doc.replace(current, generated));
        else assert.equal(current, generated, 'docs/diff.md is out of date: run with UPDATE_DOCS=1');
    });
});
