/**
 * Sorts and filters the journeys of the site's index (`journeymap site`): by health (worst
 * first), name or last change within each folder, and to one owner, persona or folder. It only
 * reorders and hides the cards the page has; without it, every journey shows by folder.
 */
const cards = [...document.querySelectorAll<HTMLElement>('li.journey-card')];
const control = (id: string) => document.getElementById(id) as HTMLSelectElement | null;

/** A card's list (owners, personas: JSON arrays), or its folder, holds the value chosen; nothing chosen matches all. */
function matches(card: HTMLElement, attribute: string, wanted: string): boolean {
    if (wanted === '') return true;
    const value = card.getAttribute(attribute) ?? '';
    return value.startsWith('[') ? (JSON.parse(value) as string[]).includes(wanted) : value === wanted;
}

const orders: Record<string, (a: HTMLElement, b: HTMLElement) => number> = {
    folder: () => 0,
    health: (a, b) => Number(b.dataset.health) - Number(a.dataset.health),
    name: (a, b) => (a.dataset.name ?? '').localeCompare(b.dataset.name ?? ''),
    changed: (a, b) => (b.dataset.changed ?? '').localeCompare(a.dataset.changed ?? '')
};

function apply(): void {
    const owner = control('filter-owner')?.value ?? '';
    const persona = control('filter-persona')?.value ?? '';
    const folder = control('filter-folder')?.value ?? '';
    const order = orders[control('sort')?.value ?? 'folder'] ?? orders.folder;
    let shown = 0;
    for (const card of cards) {
        const visible = matches(card, 'data-owners', owner) && matches(card, 'data-personas', persona)
            && matches(card, 'data-folder', folder);
        card.hidden = !visible;
        if (visible) shown++;
    }
    // Within each folder's list, in the order asked for (a stable sort keeps the folder's own order for ties).
    for (const list of document.querySelectorAll<HTMLElement>('ul.journeys')) {
        const items = [...list.children] as HTMLElement[];
        // A map that does not check has no owners or personas to match: it shows only unfiltered.
        const filtered = Boolean(owner || persona || folder);
        for (const item of items) if (!item.classList.contains('journey-card')) item.hidden = filtered;
        const sorted = items.map((item, index) => ({ item, index }))
            .sort((a, b) => order(a.item, b.item) || a.index - b.index).map(({ item }) => item);
        if (sorted.some((item, index) => item !== items[index])) list.replaceChildren(...sorted);
        const section = list.closest('section.folder') as HTMLElement | null;
        if (section) section.hidden = !items.some(item => !item.hidden);
    }
    const count = document.getElementById('shown-count');
    if (count) count.textContent = `${shown} / ${cards.length}`;
}

for (const id of ['sort', 'filter-owner', 'filter-persona', 'filter-folder']) {
    control(id)?.addEventListener('change', apply);
}
document.getElementById('filters')?.addEventListener('submit', event => event.preventDefault());
apply();
