import { t } from '../model/localisation.js';

/**
 * A control (a text box, a list) put over an element of the map and focused: Enter (or, for a
 * list, a choice) keeps its value, Escape or leaving it for the rest of the page cancels. What it holds is only ever a
 * value, never markup; `keep` is called only with a value other than the one it started with.
 */
export function showOverlay(
    control: HTMLInputElement | HTMLSelectElement,
    anchor: Element,
    keep: (value: string) => void
): void {
    const box = anchor.getBoundingClientRect();
    const initial = control.value;
    control.className = 'edit-in-place';
    Object.assign(control.style, {
        left: `${box.left + window.scrollX}px`,
        top: `${box.top + window.scrollY}px`,
        minWidth: `${Math.max(120, box.width)}px`
    });
    let done = false;
    const finish = (keeping: boolean) => {
        if (done) return;
        done = true;
        control.remove();
        if (keeping && control.value !== initial) keep(control.value);
    };
    (control as HTMLElement).addEventListener('keydown', event => {
        event.stopPropagation();
        if (event.key === 'Enter') finish(true);
        else if (event.key === 'Escape') {
            finish(false);
            anchor.closest<SVGElement | HTMLElement>('[tabindex]')?.focus(); // a keyboard's writer goes on from there
        }
    });
    if (control instanceof HTMLSelectElement) control.addEventListener('change', () => finish(true));
    // Leaving it for another part of the page cancels; the page losing the focus (to the editor) does not.
    control.addEventListener('blur', () =>
        window.setTimeout(() => {
            if (document.hasFocus()) finish(false);
        }, 0)
    );
    document.body.append(control);
    control.focus();
}

/** A text box over `anchor` holding `current`; Enter sends what was typed. */
export function editInPlace(anchor: Element, current: string, commit: (text: string) => void, placeholder = ''): void {
    const input = document.createElement('input');
    input.value = current;
    input.placeholder = placeholder;
    input.setAttribute('aria-label', placeholder || t('Edit the text; Enter to keep, Escape to cancel'));
    showOverlay(input, anchor, commit);
    input.select();
}
