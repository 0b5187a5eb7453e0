/** The extension on the desktop: the language server runs in Node, started over IPC. */
import type * as vscode from 'vscode';
import { workspace } from 'vscode';
import journeyMarkdownIt, { type MarkdownIt } from '../markdown/markdown-it-journey.js';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateJourney, clientOptions } from './activate-journey.js';
import { editorThemeForFences } from './markdown-fence-theme.js';
import { serverEnvironment, watchFastPathSetting } from './fast-path-setting.js';

let client: LanguageClient | undefined;

/**
 * What VS Code's Markdown preview asks the extension for (`markdown.markdownItPlugins`): ```journey fences drawn as
 * maps.
 */
export interface JourneyExtensionApi {
    extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export async function activate(context: vscode.ExtensionContext): Promise<JourneyExtensionApi> {
    const serverModule = context.asAbsolutePath('dist/server.js');
    const env = serverEnvironment();
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
        debug: {
            module: serverModule,
            transport: TransportKind.ipc,
            options: { env, execArgv: ['--nolazy', '--inspect=6009'] }
        }
    };
    watchFastPathSetting(context);
    client = new LanguageClient('journey', 'Journey Language Server', serverOptions, clientOptions(context));
    await activateJourney(context, client);
    return {
        extendMarkdownIt: md => md.use(journeyMarkdownIt, {
            root: workspace.workspaceFolders?.[0]?.uri.fsPath,
            theme: editorThemeForFences,
            // The language server's bundle, started as a worker thread: the extension carries the language once.
            workerPath: context.asAbsolutePath('dist/server.js')
        })
    };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
