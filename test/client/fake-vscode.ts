/**
 * A stand-in for the parts of the `vscode` API the preview panel uses, so its behaviour
 * (following editors, debounced updates, reveal, highlight, restore) can be tested in Node.
 * Tests drive it through `fake` and read what the panel did from it.
 */
type Listener<T> = (event: T) => unknown;

class EventSource<T> {
    private listeners: Array<Listener<T>> = [];
    event = (listener: Listener<T>) => {
        this.listeners.push(listener);
        return { dispose: () => { this.listeners = this.listeners.filter(l => l !== listener); } };
    };
    fire(event: T): void {
        this.listeners.forEach(listener => listener(event));
    }
}

export class Uri {
    private constructor(
        readonly scheme: string,
        readonly path: string
    ) {}
    static parse(value: string): Uri {
        const [scheme, rest] = value.split(':');
        return new Uri(scheme, rest.replace(/^\/\//, ''));
    }
    static file(path: string): Uri {
        return new Uri('file', path);
    }
    static joinPath(base: Uri, ...parts: string[]): Uri {
        return new Uri(base.scheme, [base.path, ...parts].join('/'));
    }
    get fsPath(): string {
        return this.path;
    }
    toString(): string {
        return `${this.scheme}://${this.path}`;
    }
}

export class Position { constructor(readonly line: number, readonly character: number) {} }
export class Range { constructor(readonly start: Position, readonly end: Position) {} }
export const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2 } as const;

export interface FakeDocument { uri: Uri; languageId: string; fileName: string }

export class FakeWebviewPanel {
    readonly posted: unknown[] = [];
    readonly received = new EventSource<unknown>();
    readonly disposed = new EventSource<void>();
    title = '';
    revealedIn: number | undefined;
    webview = {
        html: '',
        options: {},
        cspSource: 'vscode-webview:',
        asWebviewUri: (uri: Uri) => Uri.parse(`vscode-webview://${uri.path}`),
        postMessage: async (message: unknown) => {
            this.posted.push(message);
            return true;
        },
        onDidReceiveMessage: (
            listener: Listener<unknown>,
            _this?: unknown,
            disposables?: Array<{ dispose(): void }>
        ) => {
            const subscription = this.received.event(listener);
            disposables?.push(subscription);
            return subscription;
        }
    };
    constructor(
        readonly viewType: string,
        readonly options: unknown
    ) {}
    reveal(column: number): void {
        this.revealedIn = column;
    }
    onDidDispose(listener: Listener<void>, _this?: unknown, disposables?: Array<{ dispose(): void }>) {
        const subscription = this.disposed.event(listener);
        disposables?.push(subscription);
        return subscription;
    }
    dispose(): void {
        this.disposed.fire();
    }
}

export const fake = {
    activeEditorChanged: new EventSource<{ document: FakeDocument } | undefined>(),
    documentChanged: new EventSource<{ document: FakeDocument }>(),
    selectionChanged: new EventSource<{
        textEditor: { document: FakeDocument };
        selections: Array<{ active: Position }>;
    }>(),
    panels: [] as FakeWebviewPanel[],
    serializers: new Map<string, { deserializeWebviewPanel(panel: FakeWebviewPanel, state: unknown): Promise<void> }>(),
    shown: [] as Array<{ document: FakeDocument; options: { selection?: Range; viewColumn?: number } }>,
    documents: new Map<string, FakeDocument>(),
    messages: [] as Array<{ level: 'error' | 'info' | 'warning'; text: string }>,
    /** The answer of the next quick pick: the index of the item to pick, or undefined to cancel. */
    quickPickAnswer: 0 as number | undefined,
    quickPicks: [] as Array<Array<{ label: string; description?: string }>>,
    /** The commands registered, by id. */
    commands: new Map<string, (...args: unknown[]) => unknown>(),
    /** Each command run with `vscode.commands.executeCommand`, by id. */
    commandRun: new EventSource<string>(),
    /** What `vscode.extensions.getExtension('vscode.git')` finds; undefined: no Git extension. */
    /** Each WorkspaceEdit `vscode.workspace.applyEdit` was given, and what it answers. */
    appliedEdits: [] as unknown[],
    applyEditAnswer: true,
    git: undefined as
        | undefined
        | {
              enabled: boolean;
              repository?: {
                  show(ref: string, path: string): Promise<string>;
                  log(options: object): Promise<Array<{ hash: string; message: string }>>;
              };
          }
};

export const window = {
    activeColorTheme: { kind: 1 as number },
    activeTextEditor: undefined as { document: FakeDocument; viewColumn?: number } | undefined,
    visibleTextEditors: [] as Array<{ document: FakeDocument; viewColumn?: number }>,
    onDidChangeActiveTextEditor: fake.activeEditorChanged.event,
    onDidChangeTextEditorSelection: fake.selectionChanged.event,
    registerWebviewPanelSerializer: (
        viewType: string,
        serializer: { deserializeWebviewPanel(panel: FakeWebviewPanel, state: unknown): Promise<void> }
    ) => {
        fake.serializers.set(viewType, serializer);
        return { dispose: () => fake.serializers.delete(viewType) };
    },
    createWebviewPanel: (viewType: string, _title: string, _column: unknown, options: unknown) => {
        const panel = new FakeWebviewPanel(viewType, options);
        fake.panels.push(panel);
        return panel;
    },
    showTextDocument: async (document: FakeDocument, options: { selection?: Range; viewColumn?: number }) => {
        fake.shown.push({ document, options });
    },
    showErrorMessage: async (text: string) => {
        fake.messages.push({ level: 'error', text });
    },
    showInformationMessage: async (text: string) => {
        fake.messages.push({ level: 'info', text });
    },
    showWarningMessage: async (text: string) => {
        fake.messages.push({ level: 'warning', text });
    },
    showQuickPick: async <T extends { label: string; description?: string }>(items: T[]) => {
        fake.quickPicks.push(items);
        return fake.quickPickAnswer === undefined ? undefined : items[fake.quickPickAnswer];
    }
};

export const commands = {
    registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
        fake.commands.set(id, handler);
        return { dispose: () => fake.commands.delete(id) };
    },
    executeCommand: async (id: string) => { fake.commandRun.fire(id); }
};

export const ColorThemeKind = { Light: 1, Dark: 2, HighContrast: 3, HighContrastLight: 4 } as const;

export const extensions = {
    getExtension: (id: string) => {
        const git = fake.git;
        if (id !== 'vscode.git' || !git) return undefined;
        const api = { getRepository: () => git.repository ?? null };
        return {
            isActive: true,
            exports: { enabled: git.enabled, getAPI: () => api },
            activate: async () => ({ enabled: git.enabled, getAPI: () => api })
        };
    }
};

export const workspace = {
    onDidChangeTextDocument: fake.documentChanged.event,
    applyEdit: async (edit: unknown) => {
        fake.appliedEdits.push(edit);
        return fake.applyEditAnswer;
    },
    openTextDocument: async (uri: Uri) =>
        fake.documents.get(uri.toString()) ?? {
            uri,
            languageId: uri.path.endsWith('.journey') ? 'journey' : 'plaintext',
            fileName: uri.path
        },
    /** The workspace folder is `/maps`. */
    getWorkspaceFolder: (uri: Uri) =>
        uri.path.startsWith('/maps/') ? { uri: Uri.file('/maps'), name: 'maps', index: 0 } : undefined
};

/** VS Code's l10n with no translation loaded: the English text with `{0}`… filled in. */
export const l10n = {
    bundle: undefined,
    t: (message: string, ...args: unknown[]) =>
        message.replace(/\{(\d+)\}/g, (_match, index: string) => String(args[Number(index)]))
};
