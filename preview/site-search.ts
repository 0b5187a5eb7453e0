/**
 * The search of the static site (`journeymap site`): finds journeys, steps, pains and
 * opportunities whose text contains what is typed — any script, Chinese included — and lists
 * them as links. The index comes from assets/search-index.js; results are built as DOM nodes,
 * so no text from a map is ever read as markup.
 */
interface SearchRecord {
    kind: 'journey' | 'step' | 'pain' | 'opportunity';
    text: string;
    journey: string;
    page: string;
}

const shownResults = 50;
const kindWords: Record<SearchRecord['kind'], string> = {
    journey: 'journey',
    step: 'step',
    pain: 'pain',
    opportunity: 'opportunity'
};

function search(records: SearchRecord[], query: string): SearchRecord[] {
    const wanted = query.trim().toLocaleLowerCase();
    if (wanted === '') return [];
    return records.filter(record => record.text.toLocaleLowerCase().includes(wanted)).slice(0, shownResults);
}

function show(results: SearchRecord[], list: HTMLElement, query: string): void {
    list.replaceChildren(...results.map(record => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = record.page.split('/').map(encodeURIComponent).join('/');
        link.textContent = record.text;
        const where = document.createElement('span');
        where.className = 'where';
        where.textContent = ` — ${kindWords[record.kind]}${record.kind === 'journey' ? '' : ` in ${record.journey}`}`;
        item.append(link, where);
        return item;
    }));
    if (results.length === 0 && query.trim() !== '') {
        const none = document.createElement('li');
        none.textContent = 'Nothing found.';
        list.append(none);
    }
}

window.addEventListener('DOMContentLoaded', () => {
    const input = document.getElementById('search') as HTMLInputElement | null;
    const list = document.getElementById('results');
    const records = (window as unknown as { journeySearchIndex?: SearchRecord[] }).journeySearchIndex ?? [];
    if (!input || !list) return;
    input.addEventListener('input', () => show(search(records, input.value), list, input.value));
});
