import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { buildText, createTestServices, repoRoot } from '../journey-test-kit.js';

export const mistakesDir = join(repoRoot, 'test', 'fixtures', 'mistakes');

/**
 * One mistake a writer made: the base map, the text written correctly and as mistyped, and what the writer must be
 * told.
 */
export interface Mistake {
    id: string;
    mistake: string;
    base: 'en' | 'zh';
    find: string;
    replace: string;
    expect: { errors: number; first: string; code: string; line: number };
}

export function readMistakes(): Mistake[] {
    return JSON.parse(readFileSync(join(mistakesDir, 'mistakes.json'), 'utf8'));
}

/** The map with the mistake made in it. */
export function mistakenText(mistake: Mistake): string {
    const base = readFileSync(join(mistakesDir, `base.${mistake.base}.journey`), 'utf8');
    if (!base.includes(mistake.find))
        throw new Error(`${mistake.id}: the base map has no ${JSON.stringify(mistake.find)}`);
    return base.replace(mistake.find, mistake.replace);
}

/** The errors of a text, as the editor and `journeymap check` show them. */
export async function errorsOf(text: string, name: string, services = createTestServices()): Promise<Diagnostic[]> {
    return (await diagnosticsOf(text, name, services)).filter(
        diagnostic => diagnostic.severity === DiagnosticSeverity.Error
    );
}

/** Every diagnostic of a text: errors, warnings and hints. */
export async function diagnosticsOf(
    text: string,
    name: string,
    services = createTestServices()
): Promise<Diagnostic[]> {
    const document = await buildText(services, text, join(mistakesDir, `${name}.journey`));
    return document.diagnostics ?? [];
}
