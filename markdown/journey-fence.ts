/**
 * A ```journey fence of a Markdown file: the map written inside it, or a map file it points
 * at (```journey src="maps/checkout.journey" view="blueprint" journey="ToBe"). Pure: shared by
 * the markdown-it plugin and the renderer that runs the language.
 */


export interface FenceRequest {
    /** The map written in the fence, when it has no `src`. */
    text?: string;
    /** A map file, relative to the Markdown file. */
    src?: string;
    /** A view of the registry (model/view-registry.ts): `map`, `blueprint`, `funnel`, or a view the map names. */
    view: string;
    journey?: string;
    /** The colours: the editor's theme in VS Code; by default the reader's (`auto`). */
    theme?: 'auto' | 'light' | 'dark';
    /** The Markdown file, a URI: imports, data and `src` resolve from its folder. */
    document: string;
    /** The workspace folder, a URI, that they must stay inside. */
    root: string;
}

export type FenceResult =
    | { kind: 'picture'; svg: string; title: string }
    | { kind: 'errors'; errors: Array<{ line?: number; message: string }> };

/** `src="maps/a.journey" view="blueprint"` → the attributes, or what is wrong with them. */
export function parseFenceInfo(info: string): { src?: string; view: string; journey?: string } | { error: string } {
    const rest = info.trim().replace(/^journey\b/, '').trim();
    const attributes = new Map<string, string>();
    const pattern = /([a-zA-Z]+)\s*=\s*"([^"]*)"|(\S+)/g;
    for (let match = pattern.exec(rest); match; match = pattern.exec(rest)) {
        if (match[3] !== undefined)
            return { error: `"${match[3]}" is not an attribute; write src="…", view="…" or journey="…"` };
        if (!['src', 'view', 'journey'].includes(match[1]))
            return { error: `unknown attribute ${match[1]}; a fence takes src, view and journey` };
        attributes.set(match[1], match[2]);
    }
    // Which views there are is known once the map is read: a map names its own (`view Exec { … }`).
    const view = attributes.get('view') || 'map';
    return { src: attributes.get('src'), view, journey: attributes.get('journey') };
}
