import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { t } from '../model/localisation.js';
import { markdownTable } from '../render/markdown-text.js';
import { ownership, type OwnedItem } from '../analysis/ownership.js';
import { ExitCode } from './check-command.js';
import { inLanguageOfMaps } from './cli-language.js';
import { loadCheckedModels } from './load-checked-models.js';
import { formatTextTable } from './text-table.js';
import type { ownersFormats } from './command-options.js';

export interface OwnersOptions {
    format: typeof ownersFormats[number];
    root: string;
    lang?: string;
}

/** `journeymap owners [paths…]`: who owns which steps, blueprint actions and opportunities, by owner. */
export async function runOwners(
    paths: string[],
    options: OwnersOptions,
    out: (text: string) => void,
    err: (text: string) => void
): Promise<number> {
    const loaded = await loadCheckedModels(paths, options.root, err);
    if (typeof loaded === 'number') return loaded;
    const { models, asked } = loaded;
    out(
        await inLanguageOfMaps(models, options.lang, () => {
            const items = ownership(models.filter(model => asked.has(model.uri))).map(item => ({
                ...item,
                uri: relative(process.cwd(), fileURLToPath(item.uri))
            }));
            return formatOwnership(items, options.format);
        })
    );
    return ExitCode.Clean;
}

function kindWord(kind: OwnedItem['kind']): string {
    switch (kind) {
        case 'step': return t('step');
        case 'frontstage': return t('frontstage');
        case 'backstage': return t('backstage');
        case 'support': return t('support');
        default: return t('opportunity');
    }
}

function formatOwnership(items: OwnedItem[], format: OwnersOptions['format']): string {
    if (format === 'json')
        return JSON.stringify(
            { version: 1, owners: items.map(({ uri, ...item }) => ({ ...item, file: uri })) },
            null,
            2
        );
    const columns: Array<[string, (item: OwnedItem) => string]> = [
        ['owner', item => item.owner],
        ['kind', item => (format === 'csv' ? item.kind : kindWord(item.kind))],
        ['where', item => item.where],
        ['what', item => item.what],
        ['file', item => item.uri]
    ];
    if (format === 'csv')
        return stringify([
            columns.map(([name]) => name),
            ...items.map(item => columns.map(([, cell]) => cell(item)))
        ]).trimEnd();
    if (items.length === 0) return t('No owners in these maps.');
    const header = [t('owner'), t('kind'), t('where'), t('what'), t('file')];
    if (format === 'md') {
        return markdownTable(header, items.map(item => columns.map(([, cell]) => cell(item))));
    }
    return formatTextTable(header, items.map(item => columns.map(([, cell]) => cell(item))));
}
