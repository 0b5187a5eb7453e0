/** The preview page's own styles, in VS Code's theme colours. */
export const previewCss = `
body{margin:0;padding:0;color:var(--vscode-foreground,#1f2328);background:var(--vscode-editor-background,#fff);font-family:var(--vscode-font-family,system-ui,sans-serif);font-size:13px}
#toolbar{position:sticky;top:0;z-index:2;display:flex;gap:6px;align-items:center;padding:6px 10px;background:var(--vscode-editor-background,#fff);border-bottom:1px solid var(--vscode-panel-border,#d1d9e0)}
#toolbar button,#toolbar select{font:inherit;color:var(--vscode-button-secondaryForeground,inherit);background:var(--vscode-button-secondaryBackground,#f6f8fa);border:1px solid var(--vscode-panel-border,#d1d9e0);border-radius:4px;padding:2px 8px;cursor:pointer}
#toolbar button[aria-selected="true"]{color:var(--vscode-button-foreground,#fff);background:var(--vscode-button-background,#0969da)}
#toolbar .spacer{flex:1}
#banner{padding:6px 10px;color:var(--vscode-inputValidation-errorForeground,#82071e);background:var(--vscode-inputValidation-errorBackground,#ffebe9);border-bottom:1px solid var(--vscode-inputValidation-errorBorder,#cf222e)}
#story-bar{display:flex;gap:8px;align-items:center;padding:8px 10px;border-bottom:1px solid var(--vscode-panel-border,#d1d9e0)}
#story-bar[hidden]{display:none}
#story-note{font-size:1.3em;flex:1}
#story-bar button{font:inherit;cursor:pointer}
#viewport{overflow:auto;height:calc(100vh - 40px);cursor:grab}
#viewport.panning{cursor:grabbing}
#canvas{transform-origin:0 0;padding:8px;width:max-content}
#canvas [data-step],#canvas [data-stage],#canvas [data-persona],#canvas [data-origin],#canvas [data-window]{cursor:pointer}
#canvas [data-window]:hover rect{stroke:var(--vscode-focusBorder,#0969da);stroke-width:2}
#window-label{white-space:nowrap}
#canvas [data-score]{cursor:ns-resize}
#canvas [tabindex]:focus{outline:none}
#canvas [tabindex]:focus>rect.card,#canvas [tabindex]:focus>.step>rect.card,#canvas [data-score]:focus>circle{stroke:var(--vscode-focusBorder,#0969da);stroke-width:3}
#canvas g.note[tabindex]:focus>rect{stroke:var(--vscode-focusBorder,#0969da);stroke-width:3}
#canvas text[data-line][tabindex]:focus{text-decoration:underline;font-weight:700}
#canvas .dragging{opacity:.6}
#canvas .cell[tabindex]{user-select:none;-webkit-user-select:none}
#canvas .add-button{cursor:pointer;opacity:.55}
#canvas .add-button:hover,#canvas .add-button:focus{opacity:1;outline:none}
#canvas .add-button circle{fill:var(--vscode-button-background,#0969da);stroke:var(--vscode-focusBorder,#0969da)}
#canvas .add-button:focus circle{stroke-width:3;stroke:var(--vscode-contrastActiveBorder,var(--vscode-focusBorder,#0969da))}
#canvas .add-button path{stroke:var(--vscode-button-foreground,#fff);stroke-width:2}
.edit-in-place{position:absolute;z-index:5;font:inherit;padding:2px 4px;color:var(--vscode-input-foreground,#1f2328);background:var(--vscode-input-background,#fff);border:1px solid var(--vscode-focusBorder,#0969da);outline:none}
body.comparing #views{display:none}
#compare-label{font-weight:600}
.compare h2{font-size:14px;margin:4px 0 6px}
.compare ul{margin:0 0 12px;padding-left:18px}
.compare li[data-kind="added"]::marker{content:"+ "}
.compare li[data-kind="removed"]::marker{content:"− "}
.compare li[data-kind="moved"]::marker{content:"→ "}
.compare li[data-kind="changed"]::marker,.compare li[data-kind="renamed"]::marker{content:"~ "}
.compare-maps{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
.compare-maps figure{margin:0}
.compare-maps figcaption{font-weight:600;margin:8px 0 4px}
.placeholder{color:var(--vscode-descriptionForeground,#59636e);padding:16px}
`;
