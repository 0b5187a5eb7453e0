// The messages our code says to users, read from the sources with the TypeScript parser at
// build time (esbuild.mjs writes them to dist/l10n-messages.json), so that the localisation
// test compares that catalogue with the translations without reading any source itself.
// A message is the first argument of `t(…)` imported from model/localisation (under any local
// name) or of `vscode.l10n.t(…)`; it must be a string literal, or no bundle could hold it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** Every folder whose code says something to a user. */
export const messageFolders = ['client', 'server', 'language', 'metrics', 'render', 'preview', 'cli', 'diff', 'import', 'markdown', 'model', 'paths', 'edit', 'analysis'];

/** The messages, sorted, and each call whose message is not a string literal (file:line). */
export function extractMessages(root) {
    const messages = new Set();
    const problems = [];
    for (const file of messageFolders.flatMap(folder => sourceFiles(join(root, folder)))) {
        const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
        const names = localNamesOfT(source);
        const visit = node => {
            if (ts.isCallExpression(node) && isMessageCall(node.expression, names)) {
                const [message] = node.arguments;
                if (message && (ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message))) messages.add(message.text);
                else problems.push(`${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 60)}`);
            }
            ts.forEachChild(node, visit);
        };
        visit(source);
    }
    return { messages: [...messages].sort(), problems };
}

function sourceFiles(folder) {
    if (!existsSync(folder)) return [];
    return readdirSync(folder).flatMap(name => {
        const path = join(folder, name);
        if (name === 'generated') return [];
        return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
    });
}

/** The names under which a file imports `t` from model/localisation. */
function localNamesOfT(source) {
    const names = new Set();
    for (const statement of source.statements) {
        if (!ts.isImportDeclaration(statement) || !/\/localisation\.js$/.test(statement.moduleSpecifier.text)) continue;
        const bindings = statement.importClause?.namedBindings;
        if (!bindings || !ts.isNamedImports(bindings)) continue;
        for (const element of bindings.elements) if ((element.propertyName ?? element.name).text === 't') names.add(element.name.text);
    }
    return names;
}

/** `t(…)` under an imported name, or `l10n.t(…)` (VS Code's, as `vscode.l10n.t`). */
function isMessageCall(callee, names) {
    if (ts.isIdentifier(callee)) return names.has(callee.text);
    return ts.isPropertyAccessExpression(callee) && callee.name.text === 't'
        && (ts.isIdentifier(callee.expression) ? callee.expression.text === 'l10n' : ts.isPropertyAccessExpression(callee.expression) && callee.expression.name.text === 'l10n');
}
