import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { JourneyModel, StoryModel } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { storyCss, storyDeckHtml, storyDocument, storySlides } from '../render/story-deck.js';
import type { MapTheme } from '../render/map-theme.js';
import { ExitCode } from './check-command.js';
import { inLanguageOfMaps } from './cli-language.js';
import { loadCheckedWorkspace } from './load-checked-models.js';
import { formatSize } from './load-workspace.js';
import { writeAtomically } from './write-atomically.js';

export interface StoryOptions {
    output?: string;
    root: string;
    theme: MapTheme;
    lang?: string;
}

/**
 * `journeymap story FILE STORY -o why.html`: the story as one HTML file — a slide per `show`,
 * keys to move, a deck when printed. Its style and script are inside it, allowed by their
 * hashes alone: it opens from file:// and fetches nothing.
 */
export async function runStory(
    file: string, name: string | undefined, options: StoryOptions,
    out: (text: string) => void, err: (text: string) => void
): Promise<number> {
    const loaded = await loadCheckedWorkspace([file], options.root, err);
    if (typeof loaded === 'number') {
        if (loaded === ExitCode.Errors) err(t('No story written: fix the errors first.'));
        return loaded;
    }
    const document = loaded.documents.find(candidate => loaded.asked.has(candidate.uri.toString()))!;
    const model = await loaded.services.journey.ModelBuilder.build(document);
    const story = chooseStory(model, name, file);
    if (typeof story === 'string') {
        err(story);
        return ExitCode.UsageOrInput;
    }
    const script = await playerScript();
    const html = await inLanguageOfMaps([model], options.lang, () => storyFile(model, story, options.theme, script));
    if (!options.output) {
        out(html.trimEnd());
        return ExitCode.Clean;
    }
    await mkdir(dirname(resolve(options.output)), { recursive: true });
    await writeAtomically(options.output, html);
    err(t('Wrote {file} ({size})', { file: options.output, size: formatSize(Buffer.byteLength(html)) }));
    return ExitCode.Clean;
}

/** The story named, or the file's only one; otherwise why not. */
function chooseStory(model: JourneyModel, name: string | undefined, file: string): StoryModel | string {
    const stories = model.stories ?? [];
    const names = stories.map(story => story.name).join(', ') || t('none');
    if (name !== undefined) {
        const named = stories.find(story => story.name === name);
        return named ?? t("No story '{name}' in {file}. Stories: {names}.", { name, file, names });
    }
    if (stories.length === 1) return stories[0];
    if (stories.length === 0) return t('{file} declares no story.', { file });
    return t('Name the story: {file} has several ({names}).', { file, names });
}

/** The whole page: the deck, its style and the player inline, each allowed by its hash and nothing else. */
export function storyFile(model: JourneyModel, story: StoryModel, theme: MapTheme, script: string): string {
    const policy = [
        "default-src 'none'", 'img-src data:', `style-src '${sha256(storyCss)}'`, `script-src '${sha256(script)}'`,
        "base-uri 'none'", "form-action 'none'"
    ].join('; ');
    const head = `<meta http-equiv="Content-Security-Policy" content="${policy}">\n<style>${storyCss}</style>`;
    const body = `${storyDeckHtml(story, storySlides(model, story, { theme }))}\n<script>${script}</script>`;
    return storyDocument(story, model.language, head, body);
}

function sha256(text: string): string {
    return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** The slide player, bundled beside the CLI (dist/story-player.js): code we build, with no `</script` in it. */
async function playerScript(): Promise<string> {
    return (await readFile(join(__dirname, 'story-player.js'), 'utf8')).trim();
}
