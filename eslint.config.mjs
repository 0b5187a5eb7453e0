// Lint: typescript-eslint's recommended rules, and the layers of docs/architecture.md as import rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders that run without the parser: they may not import the language, the server or Langium. */
const parserFreeImports = {
    patterns: [
        { group: ['**/language/**', '**/server/**'], message: 'This layer runs without the parser: import from model/ or protocol/ instead (docs/architecture.md).' },
        { group: ['langium', 'langium/*', 'chevrotain', 'vscode-languageserver', 'vscode-languageserver/*'], message: 'This layer runs without the parser (docs/architecture.md).' }
    ]
};

export default tseslint.config(
    { ignores: ['dist/**', 'out/**', '**/*.generated.ts', 'node_modules/**', 'language/generated/**', 'test/langium-lean/tiny/generated/**', 'scratch/**', '.cache/**', 'test/output/**', 'test/fixtures/**'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setImmediate: 'readonly', URL: 'readonly', Buffer: 'readonly', globalThis: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', performance: 'readonly', document: 'readonly', window: 'readonly' } },
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
            // Tests and the Langium overrides reach into objects on purpose, each with a comment.
            '@typescript-eslint/no-explicit-any': 'error',
            // Our escapers and sanitisers match control characters on purpose.
            'no-control-regex': 'off',
            'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use crypto.getRandomValues for anything that must not be guessed; fast-check or a seeded generator in tests.' }]
        }
    },
    {
        files: ['model/**', 'metrics/**', 'paths/**', 'analysis/**', 'render/**', 'diff/**', 'protocol/**', 'edit/**', 'preview/**', 'client/**', 'import/**'],
        rules: { 'no-restricted-imports': ['error', parserFreeImports] }
    },
    {
        files: ['model/**'],
        rules: {
            'no-restricted-imports': ['error', {
                patterns: [...parserFreeImports.patterns, { group: ['**/render/**', '**/diff/**', '**/metrics/**', '**/paths/**', '**/analysis/**', '**/preview/**', '**/client/**', '**/cli/**'], message: 'model/ is the bottom layer.' }]
            }]
        }
    },
    {
        // The lean layer is grammar-agnostic, under the language: it imports Langium and Chevrotain, none of our folders.
        files: ['langium-lean/**'],
        rules: {
            'no-restricted-imports': ['error', {
                patterns: [{
                    group: ['**/language/**', '**/server/**', '**/model/**', '**/metrics/**', '**/cli/**', '**/render/**', '**/client/**'],
                    message: 'langium-lean/ is below the language: it imports none of our folders (docs/architecture.md).'
                }]
            }]
        }
    },
    {
        // Code that the web extension runs in a browser worker: Node's globals pass the build and fail only there.
        files: ['model/**', 'metrics/**', 'paths/**', 'analysis/**', 'render/**', 'diff/**', 'protocol/**', 'edit/**', 'preview/**', 'langium-lean/**', 'language/**', 'server/**', 'client/**'],
        ignores: ['language/node-journey-services.ts', 'server/main.ts', 'client/extension.ts', 'client/fast-path-setting.ts'],
        rules: {
            'no-restricted-globals': ['error',
                ...['Buffer', 'process', '__dirname', '__filename', 'setImmediate', 'require'].map(name => ({ name, message: `${name} is Node's: this code also runs in the web extension's browser worker.` }))]
        }
    },
    {
        files: ['**/*.cjs'],
        languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
        rules: { '@typescript-eslint/no-require-imports': 'off' }
    }
);
