/** Browser side of bench/render.ts: our renderer and Mermaid's journey, in the same page. */
import mermaid from 'mermaid';
import type { JourneyModel } from '../model/journey-model.js';
import { renderJourneyMapSvg } from '../render/index.js';

mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    maxTextSize: 100_000_000,
    journey: { useMaxWidth: false }
} as Parameters<typeof mermaid.initialize>[0]);

let counter = 0;

/** Renders into the page and forces layout, so both sides pay for drawing, not only for text. */
async function timeIt(draw: () => Promise<string> | string): Promise<number> {
    const host = document.getElementById('host')!;
    const start = performance.now();
    host.innerHTML = await draw();
    host.querySelector('svg')?.getBBox();
    return performance.now() - start;
}

(window as unknown as { bench: unknown }).bench = {
    ours: (model: JourneyModel) => timeIt(() => renderJourneyMapSvg(model)),
    mermaid: (text: string) => timeIt(async () => (await mermaid.render(`bench${++counter}`, text)).svg)
};
