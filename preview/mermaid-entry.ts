/**
 * Mermaid on its own (dist/mermaid.js): most of the preview's weight, so the preview loads
 * it only when a Mermaid view opens (`preview/load-mermaid.ts`).
 */
import mermaid from 'mermaid';

(globalThis as { journeyMermaid?: typeof mermaid }).journeyMermaid = mermaid;
