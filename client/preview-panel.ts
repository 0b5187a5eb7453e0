import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { applyMapEdit } from './map-edits.js';
import type { JourneyModel, SourceRange } from '../model/journey-model.js';
import type { FromPreview, PreviewState, ToPreview } from '../protocol/preview-messages.js';
import { CompareRequest, type CompareRequestResult } from '../protocol/compare-request.js';
import { DocumentsRebuiltNotification } from '../protocol/documents-rebuilt.js';
import { applyDelta } from '../protocol/model-delta.js';
import { ModelRequest, type ModelRequestResult } from '../protocol/model-request.js';
import { PortfolioRequest } from '../protocol/portfolio-request.js';
import type { CompareBase } from './compare-commands.js';
import { createNonce, previewHtml } from './preview-html.js';

const typingDelayMs = 300;

/**
 * The live preview beside a .journey editor: one panel that follows the active journey
 * editor, redraws while typing (debounced) from the server's validated model, reveals the
 * source of what is clicked and highlights the step under the cursor.
 */
export class JourneyPreview implements vscode.Disposable {
    static readonly viewType = 'journey.preview';
    private panel: vscode.WebviewPanel | undefined;
    private document: vscode.TextDocument | undefined;
    private model: JourneyModel | undefined;
    /** The server's id of `model`: the next request asks for a delta against it. */
    private modelId: string | undefined;
    /**
     * The id of the model the webview holds, to which a delta can be passed on; none after a new page or a comparison.
     */
    private webviewModelId: string | undefined;
    /** Set in compare mode: the older version the document is compared with. */
    private base: CompareBase | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;
    /** The preview shows the portfolio: it is sent again after each update. */
    private portfolioShown = false;
    /** An update is scheduled (typing): a rebuild notice meanwhile needs no update of its own. */
    private updatePending = false;
    private pendingPng: ((answer: Extract<FromPreview, { type: 'png' }>) => void) | undefined;
    private modelWaiters: Array<() => void> = [];
    /** Updates begun: an answer that comes after a later update began is not shown (the later one will be). */
    private updatesBegun = 0;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(
        private readonly context: vscode.ExtensionContext,
        private readonly client: BaseLanguageClient
    ) {
        this.disposables.push(
            vscode.window.onDidChangeActiveTextEditor(editor => editor && this.follow(editor.document)),
            vscode.workspace.onDidChangeTextDocument(
                event => event.document === this.document && this.scheduleUpdate(typingDelayMs)
            ),
            vscode.window.onDidChangeTextEditorSelection(
                event => event.textEditor.document === this.document && this.highlightAt(event.selections[0].active)
            ),
            vscode.window.registerWebviewPanelSerializer(JourneyPreview.viewType, {
                deserializeWebviewPanel: async (panel, state: PreviewState | undefined) => this.restore(panel, state)
            }),
            // A data file or an imported map changed: the server rebuilt the shown map.
            client.onNotification(DocumentsRebuiltNotification, ({ uris }) => {
                if (this.document && !this.updatePending && uris.includes(this.document.uri.toString()))
                    this.scheduleUpdate(0);
            })
        );
    }

    open(toSide: boolean): void {
        const editor = vscode.window.activeTextEditor;
        const column = toSide ? vscode.ViewColumn.Beside : (editor?.viewColumn ?? vscode.ViewColumn.Active);
        if (this.panel) {
            this.panel.reveal(column, toSide);
        } else {
            this.attach(
                vscode.window.createWebviewPanel(
                    JourneyPreview.viewType,
                    vscode.l10n.t('Journey Preview'),
                    { viewColumn: column, preserveFocus: toSide },
                    this.webviewOptions()
                )
            );
        }
        if (editor) this.follow(editor.document);
    }

    /** Shows the document compared with an older version of it, live while it is edited. */
    async compare(document: vscode.TextDocument, base: CompareBase): Promise<void> {
        if (!this.panel) this.open(true);
        this.follow(document);
        this.base = base;
        this.scheduleUpdate(0);
    }

    private async restore(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
        panel.webview.options = this.webviewOptions();
        this.attach(panel);
        if (state?.uri) {
            this.follow(await vscode.workspace.openTextDocument(vscode.Uri.parse(state.uri)));
        }
    }

    private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
        return {
            enableScripts: true,
            retainContextWhenHidden: false,
            localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist')]
        };
    }

    private attach(panel: vscode.WebviewPanel): void {
        this.panel = panel;
        const scriptUri = panel.webview.asWebviewUri(
            vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'preview.js')
        );
        panel.webview.html = previewHtml({
            nonce: createNonce(),
            cspSource: panel.webview.cspSource,
            scriptUri: scriptUri.toString(),
            messages: vscode.l10n.bundle
        });
        panel.webview.onDidReceiveMessage(
            (message: FromPreview) => this.onMessage(message),
            undefined,
            this.disposables
        );
        panel.onDidDispose(
            () => {
                this.panel = undefined;
            },
            undefined,
            this.disposables
        );
    }

    private onMessage(message: FromPreview): void {
        if (message.type === 'ready') {
            // A new page has none of the workspace's opportunities (it asks when it shows the portfolio), and no model.
            this.portfolioShown = false;
            this.webviewModelId = undefined;
            this.scheduleUpdate(0);
        } else if (message.type === 'reveal') {
            void this.reveal(message.range);
        } else if (message.type === 'png') {
            this.pendingPng?.(message);
            this.pendingPng = undefined;
        } else if (message.type === 'openData') {
            void this.openData(message.uri, message.line);
        } else if (message.type === 'openJourney') {
            void this.openJourney(message.journey, message.uri);
        } else if (message.type === 'edit') {
            if (this.document && !this.base) void applyMapEdit(this.client, this.document, message.edit, message.uri);
        } else if (message.type === 'endCompare') {
            this.base = undefined;
            this.scheduleUpdate(0);
        } else if (message.type === 'needPortfolio') {
            // A page that has no opportunities yet asks; one that just switched to the portfolio was sent them already
            // (see 'state').
            if (!this.portfolioShown) void this.sendPortfolio();
            this.portfolioShown = true;
        } else if (message.type === 'state') {
            // Only while the portfolio is shown does an update ask the server for the whole workspace's opportunities.
            const shown = message.state.view === 'portfolio';
            if (shown && !this.portfolioShown) void this.sendPortfolio();
            this.portfolioShown = shown;
        }
    }

    /**
     * The opportunities of the whole workspace, for the portfolio view; a silent server leaves the last picture with a
     * banner.
     */
    private async sendPortfolio(): Promise<void> {
        try {
            const { rows } = await this.client.sendRequest(PortfolioRequest, {});
            this.post({ type: 'portfolio', rows });
        } catch (error) {
            this.post({ type: 'portfolio', rows: [], error: serverSilence(error) });
        }
    }

    /** Asks the preview to rasterise the map it shows; opens the preview first if needed. */
    async exportPng(scale: number): Promise<Uint8Array> {
        if (!this.panel) this.open(true);
        if (!this.model) await this.nextModel();
        const answer = await new Promise<Extract<FromPreview, { type: 'png' }>>(resolve => {
            this.pendingPng = resolve;
            this.post({ type: 'exportPng', scale });
        });
        if (!answer.base64) throw new Error(answer.error ?? vscode.l10n.t('The preview could not draw the map.'));
        // atob, not Buffer: the web extension host has no Buffer.
        return Uint8Array.from(atob(answer.base64), character => character.charCodeAt(0));
    }

    private follow(document: vscode.TextDocument): void {
        if (document.languageId !== 'journey') return;
        // The panel may be new while the document is not (the editor was followed before the preview opened).
        if (this.panel) this.panel.title = vscode.l10n.t('Preview {0}', fileNameOf(document));
        if (document === this.document) return;
        this.document = document;
        this.base = undefined;
        this.model = undefined;
        this.modelId = undefined;
        this.scheduleUpdate(0);
    }

    private scheduleUpdate(delay: number): void {
        clearTimeout(this.timer);
        this.updatePending = true;
        this.timer = setTimeout(() => {
            this.updatePending = false;
            void this.update();
        }, delay);
    }

    private async update(): Promise<void> {
        const document = this.document;
        if (!this.panel || !document) return;
        // The portfolio spans the workspace: after a rebuild it may have changed too.
        if (this.portfolioShown) void this.sendPortfolio();
        if (this.base) return this.updateComparison(document, this.base);
        let result: ModelRequestResult;
        const since = this.modelId;
        const update = ++this.updatesBegun;
        try {
            result = await this.client.sendRequest(ModelRequest, { uri: document.uri.toString(), since });
        } catch (error) {
            // The server is starting, restarting or crashed: say so in the banner, keep the picture.
            result = { error: { message: serverSilence(error), line: 0, character: 0 } };
        }
        if (document !== this.document || update !== this.updatesBegun) return;
        if (result.delta !== undefined && (since !== this.modelId || !this.model)) {
            // A delta against a model this panel no longer holds (an overlapping update went first): ask for the whole
            // one.
            this.modelId = undefined;
            this.scheduleUpdate(0);
            return;
        }
        const model = result.delta !== undefined ? applyDelta(this.model!, result.delta) : result.model;
        const uri = document.uri.toString();
        const messages = await this.messagesFor(model?.language);
        if (update !== this.updatesBegun) return;
        if (!model) {
            this.post({ type: 'update', uri, fileName: fileNameOf(document), error: result.error, messages });
            return;
        }
        this.model = model;
        this.modelId = result.id;
        // The webview holds the model the delta was made against: it is sent the delta alone.
        const delta = result.delta !== undefined && since !== undefined && this.webviewModelId === since;
        this.post(
            delta
                ? { type: 'update', uri, fileName: fileNameOf(document), delta: result.delta, messages }
                : { type: 'update', uri, fileName: fileNameOf(document), model, messages }
        );
        this.webviewModelId = result.id;
        this.modelWaiters.splice(0).forEach(wake => wake());
    }

    /**
     * The extension's words in a map's own language, when that is not the editor's: read from
     * the extension's `l10n/` folder (English is the messages as written, an empty bundle).
     * Undefined: draw in the editor's language (also for a language we have no words for).
     */
    private async messagesFor(language: string | undefined): Promise<Record<string, string> | undefined> {
        if (!language || language === vscode.env.language.toLowerCase()) return undefined;
        if (language === 'en' || language.startsWith('en-')) return {};
        try {
            const file = vscode.Uri.joinPath(this.context.extensionUri, 'l10n', `bundle.l10n.${language}.json`);
            return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
        } catch {
            return undefined;
        }
    }

    private async updateComparison(document: vscode.TextDocument, base: CompareBase): Promise<void> {
        let result: CompareRequestResult;
        try {
            result = await this.client.sendRequest(CompareRequest, {
                uri: document.uri.toString(),
                baseText: base.text
            });
        } catch (error) {
            result = { changes: [], emotions: [], error: serverSilence(error) };
        }
        if (document !== this.document || base !== this.base) return;
        this.model = result.after ?? this.model;
        // The comparison's model is not one the server numbered: the next update is whole.
        this.modelId = undefined;
        this.webviewModelId = undefined;
        this.post({
            type: 'compare',
            uri: document.uri.toString(),
            fileName: fileNameOf(document),
            baseLabel: base.label,
            result
        });
    }

    /** Resolves when a model has been sent to the webview (after `ready`), or fails after 10 s. */
    private nextModel(): Promise<void> {
        return new Promise((resolve, reject) => {
            const timeout = setTimeout(
                () =>
                    reject(
                        new Error(vscode.l10n.t('The preview has no valid map to export (does the file have errors?).'))
                    ),
                10_000
            );
            this.modelWaiters.push(() => {
                clearTimeout(timeout);
                resolve();
            });
        });
    }

    private highlightAt(position: vscode.Position): void {
        const steps = this.model?.journeys.flatMap(journey => journey.stages.flatMap(stage => stage.steps)) ?? [];
        const step = steps.find(candidate => candidate.range && contains(candidate.range, position));
        const slide = this.slideAt(position);
        this.post({ type: 'highlight', step: step?.name, ...(slide ? { slide } : {}) });
    }

    /** The story slide whose `show` line the cursor is on, so the preview plays it. */
    private slideAt(position: vscode.Position): { story: string; index: number } | undefined {
        for (const story of this.model?.stories ?? []) {
            const index = story.slides.findIndex(slide => slide.range && contains(slide.range, position));
            if (index >= 0) return { story: story.name, index };
        }
        return undefined;
    }

    /** A step's detail link: the journey that details it, in its file (this one, or the one the link names). */
    private async openJourney(journey: string, uri: string | undefined): Promise<void> {
        const target = uri ? vscode.Uri.parse(uri) : this.document?.uri;
        if (!target || (uri && !vscode.workspace.getWorkspaceFolder(target))) return;
        const document = await vscode.workspace.openTextDocument(target);
        // A journey's name is an identifier: no character of it means anything in a pattern.
        const declared = new RegExp(`^\\s*journey\\s+${journey}(?![\\p{L}\\p{N}_])`, 'mu').exec(document.getText());
        const start = document.positionAt(declared ? declared.index + declared[0].length - journey.length : 0);
        const selection = new vscode.Range(start, start);
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection });
    }

    private async reveal(range: SourceRange): Promise<void> {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(range.uri));
        const start = new vscode.Position(range.start.line, range.start.character);
        const visible = vscode.window.visibleTextEditors.find(editor => editor.document === document);
        await vscode.window.showTextDocument(document, {
            viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
            selection: new vscode.Range(start, start)
        });
    }

    /**
     * Opens a data file at a row. The URI comes from the webview, so only a CSV or JSON
     * file inside an open workspace folder is opened.
     */
    private async openData(uri: string, line: number | undefined): Promise<void> {
        const target = vscode.Uri.parse(uri);
        const inWorkspace = vscode.workspace.getWorkspaceFolder(target) !== undefined;
        if (target.scheme !== 'file' || !inWorkspace || !/\.(csv|json)$/i.test(target.path)) return;
        const document = await vscode.workspace.openTextDocument(target);
        const position = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
        await vscode.window.showTextDocument(document, {
            viewColumn: vscode.ViewColumn.One,
            selection: new vscode.Range(position, position)
        });
    }

    private post(message: ToPreview): void {
        void this.panel?.webview.postMessage(message);
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.panel?.dispose();
        this.disposables.forEach(disposable => disposable.dispose());
    }
}

/** The server is starting, restarting or crashed: said in the banner, the picture stays. */
function serverSilence(error: unknown): string {
    return vscode.l10n.t(
        'The Journey language server did not answer: {0}',
        error instanceof Error ? error.message : String(error)
    );
}

function fileNameOf(document: vscode.TextDocument): string {
    return document.fileName.split(/[\\/]/).pop() ?? '';
}

function contains(range: SourceRange, position: vscode.Position): boolean {
    const afterStart =
        position.line > range.start.line ||
        (position.line === range.start.line && position.character >= range.start.character);
    const beforeEnd =
        position.line < range.end.line ||
        (position.line === range.end.line && position.character <= range.end.character);
    return afterStart && beforeEnd;
}

