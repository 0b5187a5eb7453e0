/**
 * `<journey-map src="checkout.json" journey="FirstPurchase" view="map">`: a journey map on any
 * page, drawn by the same renderers as the editor's preview from a JourneyModel (the JSON that
 * `journeymap render -f json` and `journeymap site` write). Standalone: one script, no other
 * request than the model. The picture is an image of the SVG, so the page's CSP needs no
 * inline style; whatever the element held before (a fallback picture) stays when the model
 * cannot be read, and the reason is in its `data-error` attribute.
 */
import type { JourneyModel } from '../model/journey-model.js';
import { displayName } from '../model/journey-model.js';
import { renderJourneyView, resolveView, svgDataUrl, type MapTheme } from '../render/index.js';

class JourneyMapElement extends HTMLElement {
    static observedAttributes = ['src', 'journey', 'view', 'theme'];
    private loading = 0;

    connectedCallback(): void {
        void this.draw();
    }

    attributeChangedCallback(): void {
        if (this.isConnected) void this.draw();
    }

    private async draw(): Promise<void> {
        const attempt = ++this.loading;
        // A page opened from a file may not fetch another file: what the element holds (a picture) stays, quietly.
        if (location.protocol === 'file:' && !this.querySelector('script[type="application/json"]')) return;
        try {
            const model = await this.model();
            if (attempt !== this.loading) return; // a newer src or view was asked for meanwhile
            const picture = document.createElement('img');
            picture.src = svgDataUrl(this.svg(model));
            const journey =
                model.journeys.find(candidate => candidate.name === this.getAttribute('journey')) ?? model.journeys[0];
            // A named view's picture is the view's, of its own journeys.
            const view = model.views?.find(candidate => candidate.name === this.getAttribute('view'));
            const shown = view && !this.getAttribute('journey') ? view : journey;
            picture.alt = shown ? displayName(shown) : 'Journey map';
            picture.style.maxWidth = '100%';
            this.replaceChildren(picture);
            this.removeAttribute('data-error');
            this.dispatchEvent(new Event('load'));
        } catch (error) {
            this.setAttribute('data-error', error instanceof Error ? error.message : String(error));
        }
    }

    private async model(): Promise<JourneyModel> {
        const inline = this.querySelector('script[type="application/json"]');
        if (inline?.textContent) return JSON.parse(inline.textContent) as JourneyModel;
        const src = this.getAttribute('src');
        if (!src) throw new Error('no model: give src="….json" or a <script type="application/json"> child');
        const response = await fetch(src);
        if (!response.ok) throw new Error(`${src}: ${response.status} ${response.statusText}`);
        const model = await response.json() as JourneyModel;
        if (!Array.isArray(model?.journeys)) throw new Error(`${src} is not a journey model`);
        return model;
    }

    private svg(model: JourneyModel): string {
        const view = this.getAttribute('view');
        const theme = (
            ['light', 'dark'].includes(this.getAttribute('theme') ?? '') ? this.getAttribute('theme') : 'auto'
        ) as MapTheme;
        const resolved = resolveView(model, 'fence', view || 'map');
        if ('error' in resolved) throw new Error(resolved.error);
        const journey = this.getAttribute('journey') ?? undefined;
        return renderJourneyView(model, journey, resolved.view, { theme });
    }
}

if (!customElements.get('journey-map')) customElements.define('journey-map', JourneyMapElement);
