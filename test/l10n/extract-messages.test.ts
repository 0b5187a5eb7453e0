import * as assert from 'node:assert/strict';
import { extractMessages } from '../../tools/extract-messages.mjs';
import { workspaceWith } from '../cli/cli-runner.js';

/** The build's catalogue of messages (tools/extract-messages.mjs), on a small tree of sources. */
describe('the catalogue of messages the build collects', () => {
    it('finds t(…) under any imported name and vscode.l10n.t(…), and names each call whose message is not a literal', () => {
        const root = workspaceWith({
            'client/a.ts':
                "import * as vscode from 'vscode';\nimport { t as say } from '../model/localisation.js';\nsay('Hello {name}', { name });\nvscode.l10n.t('Open a map');\nconst dynamic = 'x';\nvscode.l10n.t(dynamic);\n",
            'render/b.ts':
                "import { t } from '../model/localisation.js';\nt(`Template without holes`);\nt('看到广告');\nt(`with ${1} hole`);\n",
            // A function called t that is not the localisation's is not a message.
            'cli/c.ts': "function t(x: string) { return x; }\nt('not a message');\n",
            'language/generated/ast.ts':
                "import { t } from '../../model/localisation.js';\nt('generated code is not read');\n"
        });
        const { messages, problems } = extractMessages(root);
        assert.deepEqual(messages, ['Hello {name}', 'Open a map', 'Template without holes', '看到广告'].sort());
        assert.deepEqual(problems, ['client/a.ts:6: vscode.l10n.t(dynamic)', 'render/b.ts:4: t(`with ${1} hole`)']);
    });
});
