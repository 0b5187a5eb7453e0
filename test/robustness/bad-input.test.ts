import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildText, createTestServices, designDir, examplesDir } from '../journey-test-kit.js';
import { exerciseServices } from './exercise-services.js';

/** A small seeded generator, so a failure can be replayed exactly. */
function randomGenerator(seed: number): () => number {
    return () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const checkout = readFileSync(join(designDir, 'checkout.journey'), 'utf8');
const service = readFileSync(join(examplesDir, 'service', '售后服务.journey'), 'utf8');
const longName = 'N'.repeat(1000);
const hostile = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';

function badInputs(): Array<[string, string]> {
    const random = randomGenerator(20261123);
    const randomText = (length: number) =>
        Array.from({ length }, () => String.fromCodePoint(Math.floor(random() * 0x3000))).join('');
    const inputs: Array<[string, string]> = [
        ['empty', ''],
        ['unbalanced open braces', 'journey J { stage S { step A { emotion 3 '.repeat(20)],
        ['unbalanced close braces', '} } } journey J } stage { } }'],
        [
            '1,000-character names',
            `persona ${longName}\njourney ${longName} { persona ${longName} stage ${longName} { step ${longName} { next ${longName} } } }`
        ],
        [
            'hostile strings everywhere',
            `persona P ${JSON.stringify(hostile)} { role ${JSON.stringify(hostile)} quote ${JSON.stringify(hostile)} }
channel C ${JSON.stringify(hostile)} online
data d ${JSON.stringify('../../' + hostile)}
journey J ${JSON.stringify(hostile)} { persona P stage S ${JSON.stringify(hostile)} { step A ${JSON.stringify(hostile)} {
  touchpoint ${JSON.stringify(hostile)} emotion 3 x ${JSON.stringify(hostile)} pain ${JSON.stringify(hostile)} metric m = d.${JSON.stringify(hostile)} where k = ${JSON.stringify(hostile)} } } }`
        ],
        [
            'huge numbers',
            'metric m percent scale 1..99999999999999999999999 target >= 1e400\njourney J { emotion scale -9999999999999999..99999999999999999999 stage S { step A { emotion 123456789012345678901234567890 metric m = 99999999999999999999999999 } } }'
        ],
        ['NUL bytes and control characters', 'journey J\u0000 { stage \u0001S { step A { emotion \u00003 } } }\u202e'],
        ['random Unicode', randomText(400)],
        ['an unterminated string and comment', 'persona P "never closed\njourney J { /* never closed'],
        ['CJK example', service]
    ];
    for (let cut = 7; cut < checkout.length; cut += Math.floor(checkout.length / 12)) {
        inputs.push([`DESIGN example truncated at ${cut}`, checkout.slice(0, cut)]);
    }
    for (let i = 0; i < 5; i++) {
        const tokens = checkout.split(/(\s+)/);
        const index = Math.floor(random() * tokens.length);
        tokens.splice(index, 1 + Math.floor(random() * 3));
        inputs.push([`DESIGN example with tokens deleted (#${i})`, tokens.join('')]);
    }
    return inputs;
}

describe('bad input: every service answers without throwing', () => {
    for (const [name, text] of badInputs()) {
        it(name, async () => {
            const services = createTestServices();
            const document = await buildText(services, text);
            assert.ok(Array.isArray(document.diagnostics), 'validation finished');
            await exerciseServices(services, document);
            assert.equal(document.textDocument.getText(), text, 'the text is never changed');
        });
    }

    it('reports a syntax error for garbage instead of accepting it', async () => {
        const services = createTestServices();
        const document = await buildText(services, '}}} <script>alert(1)</script> {{{');
        assert.ok((document.diagnostics ?? []).some(d => d.severity === 1));
    });

    it('keeps hostile strings as plain text in the AST and escapes them in hover', async () => {
        const services = createTestServices();
        const document = await buildText(services, `persona P ${JSON.stringify(hostile)}`);
        const persona = document.parseResult.value.elements[0];
        assert.equal(persona.$type === 'Persona' && persona.title, hostile);
        const hover = await services.Journey.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() }, position: { line: 0, character: 8 }
        });
        const value = (hover?.contents as { value: string }).value;
        assert.doesNotMatch(value, /(^|[^\\])[<>]/, `every angle bracket is escaped: ${value}`);
    });

    it('handles a map with 5,000 steps', async () => {
        const steps = Array.from(
            { length: 5000 },
            (_, i) => `    step S${i} "Step ${i} 步骤" { emotion ${1 + (i % 5)} next S${(i + 1) % 5000} }`
        ).join('\n');
        const services = createTestServices();
        const document = await buildText(services, `journey Big {\n  stage All {\n${steps}\n  }\n}`);
        const codes = new Set((document.diagnostics ?? []).map(d => d.code));
        assert.deepEqual([...codes], ['dead-end'], 'one endless loop: one dead-end warning, nothing else');
    });
});
