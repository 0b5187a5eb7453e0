import { ColorThemeKind, window } from 'vscode';

/**
 * A fence's picture is an image: it cannot see the Markdown preview's colours, so it is drawn in the editor theme's.
 */
export function editorThemeForFences(): 'light' | 'dark' {
    const kind = window.activeColorTheme.kind;
    return kind === ColorThemeKind.Dark || kind === ColorThemeKind.HighContrast ? 'dark' : 'light';
}
