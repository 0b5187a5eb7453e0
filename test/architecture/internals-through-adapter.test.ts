import { strict as assert } from 'node:assert';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../journey-test-kit.js';

/** The folders that may import Langium or Chevrotain (the layers test keeps them out of the others). */
const parserFolders = ['langium-lean', 'language', 'server', 'cli'];
const adapter = join(repoRoot, 'langium-lean', 'langium-internals.ts');

function sourceFiles(folder: string): string[] {
    return readdirSync(folder).flatMap(name => {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
        return name.endsWith('.ts') && !name.endsWith('.generated.ts') ? [path] : [];
    });
}

const isLangiumFile = (file: string) => /node_modules\/(langium|chevrotain|@chevrotain\/[^/]+)\//.test(file);
const isHidden = (declaration: ts.Declaration) =>
    (ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0;

/** Names that are private or protected in a Langium or Chevrotain class and public in none. */
function hiddenMemberNames(program: ts.Program): Set<string> {
    const hidden = new Set<string>();
    const visible = new Set<string>();
    const visit = (node: ts.Node): void => {
        if (ts.isClassDeclaration(node)) {
            for (const member of node.members) {
                if (member.name && ts.isIdentifier(member.name))
                    (isHidden(member) ? hidden : visible).add(member.name.text);
            }
        }
        ts.forEachChild(node, visit);
    };
    program
        .getSourceFiles()
        .filter(file => isLangiumFile(file.fileName))
        .forEach(visit);
    visible.forEach(name => hidden.delete(name));
    return hidden;
}

/**
 * Every access to a private or protected member of Langium or Chevrotain outside the adapter, as
 * `file:line text`: one the type checker resolves to such a member, and one to a member of such a
 * name through a cast (to `any`, or to a type written on the spot). The adapter's own typed views
 * are its exports, so reading through them is going through the adapter.
 */
function internalsTouched(program: ts.Program, files: string[]): string[] {
    const checker = program.getTypeChecker();
    const hiddenNames = hiddenMemberNames(program);
    const found: string[] = [];
    const touches = (name: ts.Node, text: string): boolean => {
        const declarations = checker.getSymbolAtLocation(name)?.declarations ?? [];
        if (declarations.some(declaration => declaration.getSourceFile().fileName === adapter)) return false;
        if (
            declarations.some(
                declaration => isLangiumFile(declaration.getSourceFile().fileName) && isHidden(declaration)
            )
        )
            return true;
        const castOnTheSpot = declarations.every(
            declaration =>
                !isLangiumFile(declaration.getSourceFile().fileName) && ts.isTypeLiteralNode(declaration.parent)
        );
        return hiddenNames.has(text) && castOnTheSpot;
    };
    for (const file of files.map(path => program.getSourceFile(path)!)) {
        const visit = (node: ts.Node): void => {
            const access = ts.isPropertyAccessExpression(node)
                ? { on: node.expression, name: node.name, text: node.name.text }
                : ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression)
                  ? { on: node.expression, name: node.argumentExpression, text: node.argumentExpression.text }
                  : undefined;
            const own =
                access &&
                (access.on.kind === ts.SyntaxKind.ThisKeyword || access.on.kind === ts.SyntaxKind.SuperKeyword);
            if (access && !own && touches(access.name, access.text)) {
                const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
                found.push(`${relative(repoRoot, file.fileName)}:${line} ${node.getText()}`);
            }
            ts.forEachChild(node, visit);
        };
        visit(file);
    }
    return found;
}

describe("Langium's and Chevrotain's internals are touched only in langium-lean/langium-internals.ts", function () {
    this.timeout(120_000);
    const configFile = ts.readConfigFile(join(repoRoot, 'tsconfig.json'), ts.sys.readFile).config as object;
    const options = ts.parseJsonConfigFileContent(configFile, ts.sys, repoRoot).options;

    it('no other file of the folders that use the parser reads or writes a private or protected member', () => {
        const files = parserFolders
            .flatMap(folder => sourceFiles(join(repoRoot, folder)))
            .filter(file => file !== adapter);
        const program = ts.createProgram(files, options);
        assert.deepEqual(internalsTouched(program, files), []);
    });

    it('finds such an access, typed, through `any` and through a cast to a type written on the spot', () => {
        const probe = join(repoRoot, 'language', 'internals-probe.ts');
        const text = [
            "import type { LangiumParser, DefaultIndexManager } from 'langium';",
            'export function probe(parser: LangiumParser, index: DefaultIndexManager, anything: any): unknown[] {',
            '    return [(parser as unknown as { wrapper: unknown }).wrapper, anything.referenceIndex, index["referenceIndex"]];',
            '}'
        ].join('\n');
        const host = ts.createCompilerHost(options);
        const readFile = host.readFile.bind(host);
        host.readFile = path => (path === probe ? text : readFile(path));
        host.fileExists = path => path === probe || ts.sys.fileExists(path);
        const program = ts.createProgram([probe], options, host);
        assert.deepEqual(
            internalsTouched(program, [probe]).map(found => found.replace(/^[^ ]+ /, '')),
            [
                '(parser as unknown as { wrapper: unknown }).wrapper',
                'anything.referenceIndex',
                'index["referenceIndex"]'
            ]
        );
    });
});
