/**
 * Moves through the slides of a story page (`journeymap story`, the site's story pages): ← and →,
 * space, Page Up and Down, Home and End, and the page's buttons. The slide shown is in the
 * address (`#slide-3`), so a reload or a shared link opens it. Nothing is fetched.
 */
const slides = [...document.querySelectorAll<HTMLElement>('.deck > .slide')];
let current = Math.max(0, slides.findIndex(slide => `#${slide.id}` === location.hash));

function show(index: number): void {
    current = Math.min(slides.length - 1, Math.max(0, index));
    slides.forEach((slide, at) => slide.classList.toggle('current', at === current));
    if (slides[current]) history.replaceState(null, '', `#${slides[current].id}`);
}

const moves: Record<string, number | 'first' | 'last'> = {
    ArrowRight: 1, ArrowDown: 1, PageDown: 1, ' ': 1, Enter: 1,
    ArrowLeft: -1, ArrowUp: -1, PageUp: -1, Backspace: -1,
    Home: 'first', End: 'last'
};

document.addEventListener('keydown', event => {
    const move = moves[event.key];
    if (move === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    // A focused button takes Enter and space itself.
    if ((event.key === ' ' || event.key === 'Enter') && event.target instanceof HTMLButtonElement) return;
    event.preventDefault();
    const step = event.shiftKey && event.key === ' ' ? -1 : move;
    show(step === 'first' ? 0 : step === 'last' ? slides.length - 1 : current + step);
});

document.querySelectorAll<HTMLButtonElement>('.controls [data-move]').forEach(button =>
    button.addEventListener('click', () => show(current + Number(button.dataset.move))));

show(current);
