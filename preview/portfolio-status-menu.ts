/**
 * The portfolio's status menu: a double-click (or Enter) on an opportunity's dot or row opens a
 * list of the statuses; choosing one asks for a `setStatus` edit of the file that declares the
 * opportunity, and the portfolio is drawn again from the edited text.
 */
import type { BacklogRow } from '../analysis/opportunity-backlog.js';
import { opportunityStatuses } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { opportunityStatusLabel } from '../model/opportunity-status-label.js';
import type { JourneyEdit } from '../protocol/edit-request.js';
import { showOverlay } from './edit-overlay.js';

export interface PortfolioHost {
    canvas: HTMLElement;
    /** The rows drawn, while the portfolio is the view shown. */
    rows(): BacklogRow[] | undefined;
    send(edit: JourneyEdit, uri: string): void;
}

export function installPortfolioStatusMenu(host: PortfolioHost): {
    opensOnDoubleClick(target: EventTarget | null): boolean;
    afterDraw(): void;
} {
    const rowOf = (target: EventTarget | null) => {
        const element = target instanceof Element ? target.closest<SVGGElement>('[data-opportunity]') : null;
        const row = element && host.rows()?.find(each => each.id === element.dataset.opportunity);
        return element && row ? { element, row } : undefined;
    };
    const open = (target: EventTarget | null) => {
        const found = rowOf(target);
        if (found)
            openMenu(found.element, found.row, status =>
                host.send({ kind: 'setStatus', opportunity: found.row.id, status }, found.row.uri)
            );
        return found !== undefined;
    };
    host.canvas.addEventListener('dblclick', event => {
        if (host.rows()) open(event.target);
    });
    host.canvas.addEventListener('keydown', event => {
        if (host.rows() && event.key === 'Enter' && open(event.target)) event.preventDefault();
    });
    return {
        /** Whether a double-click on `target` opens the menu: only then does a click wait to tell the two apart. */
        opensOnDoubleClick: (target: EventTarget | null) => host.rows() !== undefined && rowOf(target) !== undefined,
        afterDraw(): void {
            if (!host.rows()) return;
            host.canvas
                .querySelectorAll('[data-opportunity]')
                .forEach(element => element.setAttribute('tabindex', '0'));
        }
    };
}

function openMenu(anchor: Element, row: BacklogRow, choose: (status: string) => void): void {
    const menu = document.createElement('select');
    menu.setAttribute('aria-label', t('Status of {opportunity}', { opportunity: row.title }));
    for (const status of opportunityStatuses) {
        const option = document.createElement('option');
        option.value = status;
        option.textContent = opportunityStatusLabel(status);
        option.selected = status === (row.status ?? 'idea');
        menu.append(option);
    }
    showOverlay(menu, anchor, choose);
}
