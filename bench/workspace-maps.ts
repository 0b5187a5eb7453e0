/**
 * The repository the workspace benchmarks read: maps of N steps, each importing one shared
 * persona file — the shape of a team's repository — and the same content as JSON, for the
 * JSON.parse baseline.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const people = [
    'persona Ana "Ana, small-business owner" { goal "Find a supplier fast" }',
    'persona 小王 "小王，年轻的上班族"',
    'channel Web "Website" online',
    'channel App "Mobile app" online',
    'metric conversion "Conversion" percent target >= 12',
    'metric csat "CSAT" scale 1..5 target >= 4.2'
].join('\n') + '\n';

/** One map of the repository: its text, and the same content as JSON for the baseline. */
function map(index: number, steps: number): { text: string; json: string } {
    const stages = Array.from({ length: Math.ceil(steps / 10) }, (_, s) =>
        Array.from({ length: Math.min(10, steps - s * 10) }, (_, i) => s * 10 + i)
    );
    const lines = [
        'import "../shared/people.journey"',
        '',
        `journey J${index} "Journey ${index} 旅程" {`,
        '  persona Ana, 小王'
    ];
    for (const [s, stepNumbers] of stages.entries()) {
        lines.push(`  stage S${s} "Stage ${s} 阶段" {`);
        for (const n of stepNumbers) {
            lines.push(
                `    step T${n} "Step ${n} 看到广告" {`,
                `      channel ${n % 2 ? 'Web' : 'App'}`,
                `      touchpoint "Touchpoint ${n}"`,
                `      emotion ${1 + (n % 5)} curious`,
                ...(n % 3 === 0 ? ['      pain "Shipping costs appear only in the cart"'] : []),
                `      metric ${n % 2 ? 'conversion' : 'csat'} = ${n % 2 ? 10 + (n % 7) : 3 + (n % 3) / 2}`,
                '    }'
            );
        }
        lines.push('  }');
    }
    lines.push('}');
    const json = JSON.stringify({
        imports: ['../shared/people.journey'],
        journey: {
            name: `J${index}`,
            personas: ['Ana', '小王'],
            stages: stages.map((numbers, s) => ({
                name: `S${s}`,
                steps: numbers.map(n => ({
                    name: `T${n}`,
                    title: `Step ${n} 看到广告`,
                    channel: n % 2 ? 'Web' : 'App',
                    touchpoint: `Touchpoint ${n}`,
                    emotion: 1 + (n % 5),
                    feeling: 'curious',
                    pain: n % 3 === 0 ? 'Shipping costs appear only in the cart' : undefined,
                    metric: n % 2 ? 10 + (n % 7) : 3 + (n % 3) / 2
                }))
            }))
        }
    });
    return { text: lines.join('\n') + '\n', json };
}

export function writeWorkspace(count: number, steps: number): { folder: string; opened: string; json: string[] } {
    const folder = mkdtempSync(join(tmpdir(), `workspace-${count}-`));
    mkdirSync(join(folder, 'shared'));
    mkdirSync(join(folder, 'maps'));
    writeFileSync(join(folder, 'shared', 'people.journey'), people);
    const json: string[] = [];
    for (let index = 0; index < count; index++) {
        const { text, json: content } = map(index, steps);
        writeFileSync(join(folder, 'maps', `m${String(index).padStart(4, '0')}.journey`), text);
        json.push(content);
    }
    return { folder, opened: join(folder, 'maps', 'm0000.journey'), json };
}

