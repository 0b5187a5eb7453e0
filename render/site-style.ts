/** The static site's one stylesheet (a file of the site: its CSP allows no inline style), light and dark. */
export const siteStyle = `:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --card: #f6f8fa; --border: #d1d9e0; --accent: #0969da; --met: #1a7f37; --close: #9a6700; --missed: #cf222e; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --card: #151b23; --border: #3d444d; --accent: #4493f8; --met: #3fb950; --close: #d29922; --missed: #f85149; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: var(--fg); background: var(--bg); }
header.site { padding: 10px 24px; border-bottom: 1px solid var(--border); background: var(--card); }
main { padding: 16px 24px 48px; max-width: 1500px; }
a { color: var(--accent); }
h1 { margin: 8px 0 4px; }
.file, .where, .health { color: var(--muted); font-size: 13px; }
ul.journeys { list-style: none; padding: 0; }
ul.journeys li { padding: 8px 0; border-bottom: 1px solid var(--border); }
.met { color: var(--met); } .close { color: var(--close); } .missed { color: var(--missed); }
nav.views a { margin-right: 12px; }
.picture { overflow-x: auto; border: 1px solid var(--border); border-radius: 6px; padding: 8px; }
.picture img { max-width: none; }
pre { background: var(--card); border: 1px solid var(--border); border-radius: 6px; padding: 12px; overflow-x: auto; }
table { border-collapse: collapse; } th, td { border: 1px solid var(--border); padding: 4px 8px; text-align: left; }
.search input { width: min(36em, 100%); padding: 6px 8px; font: inherit; }
#results { padding-left: 18px; }
.thumb { float: right; width: 240px; height: 90px; object-fit: cover; object-position: left top; }
.thumb { border: 1px solid var(--border); border-radius: 4px; margin-left: 12px; }
ul.journeys li::after { content: ""; display: block; clear: both; }
form.filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 12px 0; }
form.filters select { font: inherit; padding: 2px 4px; }
.heatmap-scroll { overflow-x: auto; }
table.heatmap-table td { text-align: center; min-width: 64px; padding: 0; }
table.heatmap-table td a { display: block; padding: 6px 8px; color: #1f2328; text-decoration: none; }
table.heatmap-table th[scope="row"] { white-space: nowrap; }
.heat-0 { background: #ff8182; } .heat-1 { background: #ffb4a9; } .heat-2 { background: #f2d675; }
.heat-3 { background: #a8e6a3; } .heat-4 { background: #4ac26b; }
.heat-none { background: var(--card); } .heat-none a { color: var(--muted) !important; }
.missed-mark, .pain-mark { font-size: 12px; font-weight: 600; }
.legend { color: var(--muted); font-size: 13px; }
.persona .role { font-weight: 600; }
blockquote { margin: 8px 0; padding-left: 12px; border-left: 3px solid var(--border); color: var(--muted); }
`;
