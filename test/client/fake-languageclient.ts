/** vscode-languageclient's enums as the extension uses them; the real package needs VS Code itself to load. */
export enum ErrorAction { Continue = 1, Shutdown = 2 }
export enum CloseAction { DoNotRestart = 1, Restart = 2 }
