import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { JourneyModel } from '../model/journey-model.js';
import {
    renderFunnelSvg, renderJourneyHtml, renderJourneyMarkdown, renderMermaidFlowchart, renderMermaidJourney,
    type MapTheme
} from '../render/index.js';
import { ExitCode } from './check-command.js';
import { buildCheckReport, checkedFilesOf, formatTextReport } from './diagnostic-report.js';
import { defaultMaxFileBytes, formatSize, loadWorkspace } from './load-workspace.js';
import { svgToPng } from './png-export.js';
import { findJourneyFiles } from './journey-files.js';
import { renderJourneyView } from '../render/journey-view.js';
import { modelOfView } from '../render/named-view.js';
import { findView, viewsOf, type ViewEntry } from '../model/view-registry.js';
import { renderPortfolioSvg } from '../render/portfolio-svg.js';
import { opportunityBacklog, type BacklogRow } from '../analysis/opportunity-backlog.js';
import { modelForPersona } from '../render/persona-view.js';
import { inLanguageOfMaps } from './cli-language.js';
import { t } from '../model/localisation.js';
import type { RenderFormat } from './command-options.js';


export interface RenderOptions {
    format: RenderFormat;
    journey?: string;
    theme: MapTheme;
    output?: string;
    root: string;
    /** Pixels per SVG unit for PNG. */
    scale: number;
    /** Font files for PNG, instead of the system's usual ones. */
    font?: string[];
    /** Draw what can be drawn even when the map has errors (for git textconv of old revisions). */
    allowErrors?: boolean;
    /** `--lang`, when given: it wins over the map's own `language`. */
    lang?: string;
    /** `--persona Ana`: the map as one persona lives it (that persona's emotions). */
    persona?: string;
    /** `--width 1440`: stages wrap into rows to fit this many pixels (SVG, HTML, PNG). */
    width?: number;
    /** `--view blueprint|portfolio|Exec`: the picture SVG, PNG and HTML draw (default: the map), or a named view. */
    view?: string;
    /** With `--view portfolio`: more files or folders whose opportunities join the portfolio. */
    more?: string[];
}


export interface Output {
    out: (text: string) => void;
    err: (text: string) => void;
    /** Binary output (PNG) on standard output; given when standard output is not a terminal. */
    binary?: (bytes: Uint8Array) => void;
}

/** The options that change some formats only, with the formats they change: given to another, they are an error. */
interface FormatOption {
    /** The option as given (`--view portfolio`), when it is. */
    flag: (options: RenderOptions) => string | undefined;
    formats: readonly RenderFormat[];
}

const formatOptions: FormatOption[] = [
    {
        flag: options => ((options.view ?? 'map') !== 'map' ? `--view ${options.view}` : undefined),
        formats: ['svg', 'png', 'html']
    },
    { flag: options => (options.width !== undefined ? '--width' : undefined), formats: ['svg', 'png', 'html'] },
    {
        flag: options => (options.theme !== 'auto' ? `--theme ${options.theme}` : undefined),
        formats: ['svg', 'png', 'html', 'funnel']
    },
    { flag: options => (options.scale !== 1 ? '--scale' : undefined), formats: ['png'] },
    { flag: options => (options.font?.length ? '--font' : undefined), formats: ['png'] }
];

/** `--view portfolio -f md`: says which option the format cannot use, instead of leaving it out unsaid. */
function unusableOption(options: RenderOptions): string | undefined {
    for (const { flag, formats } of formatOptions) {
        const given = flag(options);
        if (given && !formats.includes(options.format)) {
            return t('{option} does not apply to -f {format}: it changes {formats} only.',
                { option: given, format: options.format, formats: formats.map(format => `-f ${format}`).join(', ') });
        }
    }
    return undefined;
}

/** `journeymap render <file>`: the same picture as the preview, as a file or on stdout. */
export async function runRender(file: string, options: RenderOptions, io: Output): Promise<number> {
    const unusable = unusableOption(options);
    if (unusable) {
        io.err(unusable);
        return ExitCode.UsageOrInput;
    }
    if (options.format === 'png' && !options.output && !io.binary) {
        io.err(
            t(
                'PNG is binary: write it to a file with -o map.png, or pipe it (journeymap render -f png map.journey > map.png).'
            )
        );
        return ExitCode.UsageOrInput;
    }
    if ((options.more ?? []).length > 0 && options.view !== 'portfolio') {
        io.err(t('Only the portfolio draws several files: give one file, or add --view portfolio.'));
        return ExitCode.UsageOrInput;
    }
    const others = options.more?.length ? await findJourneyFiles(options.more) : { files: [], problems: [] };
    for (const problem of others.problems) io.err(`${problem.path}: ${problem.message}`);
    if (others.problems.length > 0) return ExitCode.UsageOrInput;
    const loaded = await loadWorkspace([resolve(file), ...others.files], {
        root: options.root,
        maxFileBytes: defaultMaxFileBytes
    });
    const [document] = loaded.documents;
    if (!document) {
        io.err(`${file}: ${loaded.problems[0]?.message ?? t('cannot be read')}`);
        return ExitCode.UsageOrInput;
    }
    const report = buildCheckReport(checkedFilesOf([document]), [], process.cwd());
    if (report.counts.error > 0 && !options.allowErrors) {
        io.err(formatTextReport(report, false));
        io.err(t('Not rendered: fix the errors first (or pass --allow-errors).'));
        return ExitCode.Errors;
    }
    const built = await loaded.services.journey.ModelBuilder.build(document);
    if (options.persona && !built.personas.some(persona => persona.name === options.persona)) {
        io.err(
            t("No persona '{name}' in {file}. Personas: {names}.", {
                name: options.persona,
                file,
                names: built.personas.map(persona => persona.name).join(', ') || t('none')
            })
        );
        return ExitCode.UsageOrInput;
    }
    const model = options.persona ? modelForPersona(built, options.persona) : built;
    const view = findView(model, 'render', options.view ?? 'map');
    if (!view) {
        io.err(
            t('No view "{view}" in {file}. Views: {views}.', {
                view: options.view ?? '',
                file,
                views: viewsOf(model, 'render')
                    .map(entry => entry.id)
                    .join(', ')
            })
        );
        return ExitCode.UsageOrInput;
    }
    const shownByView = view.named && modelOfView(model, view.named).journeys.map(each => each.name);
    if (shownByView && options.journey && !shownByView.includes(options.journey)) {
        io.err(
            t("View {view} does not show journey '{name}'. It shows: {names}.", {
                view: view.id,
                name: options.journey,
                names: shownByView.join(', ') || t('none')
            })
        );
        return ExitCode.UsageOrInput;
    }
    // `language zh-cn` in the file: its map is drawn in Chinese on any machine, unless --lang says otherwise.
    const journey = options.journey ? model.journeys.find(j => j.name === options.journey) : model.journeys[0];
    if (!journey && (options.journey || (options.format !== 'json' && options.view !== 'portfolio' && !view.named))) {
        const names = model.journeys.map(j => j.name).join(', ');
        io.err(
            options.journey
                ? t("No journey '{name}' in {file}. Journeys: {names}.", {
                      name: options.journey,
                      file,
                      names: names || t('none')
                  })
                : t('{file} declares no journey.', { file })
        );
        return ExitCode.UsageOrInput;
    }
    // The portfolio places the opportunities of the file and of the files it imports.
    const portfolio =
        options.view === 'portfolio'
            ? opportunityBacklog(
                  await Promise.all(
                      loaded.services.shared.workspace.LangiumDocuments.all
                          .toArray()
                          .map(each => loaded.services.journey.ModelBuilder.build(each))
                  )
              )
            : [];
    // The map's labels in its own language (`language zh-cn`); the command's own lines stay in the reader's.
    const content = await inLanguageOfMaps([model], options.lang, async () => options.format === 'png'
        ? pngOf(model, journey?.name, options, view, portfolio)
        : render(model, journey?.name, options, view, portfolio));
    if (!options.output) {
        // Like prettier and eslint: binary output goes to standard output only when that is a pipe or a file.
        if (typeof content !== 'string') io.binary!(content);
        else io.out(content.trimEnd());
        return ExitCode.Clean;
    }
    await mkdir(dirname(resolve(options.output)), { recursive: true });
    await writeFile(options.output, content);
    io.err(
        t('Wrote {file} ({size})', {
            file: options.output,
            size: formatSize(typeof content === 'string' ? Buffer.byteLength(content) : content.length)
        })
    );
    return ExitCode.Clean;
}

/** `auto` has no reader's system to follow in a picture: light. */
function pngOf(model: JourneyModel, journeyName: string | undefined, options: RenderOptions, view: ViewEntry,
    portfolio: BacklogRow[]): Promise<Buffer> {
    const theme = options.theme === 'auto' ? 'light' : options.theme;
    const svg = pictureOf(model, journeyName, { ...options, theme }, view, portfolio);
    return svgToPng(svg, { scale: options.scale, theme, fonts: options.font });
}

/** The picture of the view asked for: the map, the service blueprint, the portfolio, or a named view. */
function pictureOf(model: JourneyModel, journeyName: string | undefined, options: RenderOptions, view: ViewEntry,
    portfolio: BacklogRow[]): string {
    if (view.builtIn === 'portfolio') return renderPortfolioSvg(portfolio, { theme: options.theme });
    // A named view draws its own journeys unless --journey names one.
    const journey = view.named && !options.journey ? undefined : journeyName;
    return renderJourneyView(model, journey, view, { theme: options.theme, width: options.width });
}

function render(model: JourneyModel, journeyName: string | undefined, options: RenderOptions, view: ViewEntry,
    portfolio: BacklogRow[]): string {
    const journey = model.journeys.find(j => j.name === journeyName);
    switch (options.format) {
        case 'svg': return pictureOf(model, journeyName, options, view, portfolio);
        case 'html': {
            const picture = pictureOf(model, journeyName, options, view, portfolio);
            return renderJourneyHtml(journey, picture, options.theme);
        }
        case 'md': return renderJourneyMarkdown(model, journey!);
        case 'mermaid': return renderMermaidJourney(journey!, model.personas);
        case 'flowchart': return renderMermaidFlowchart(journey!);
        case 'funnel': return renderFunnelSvg(model, journeyName, { theme: options.theme });
        case 'json': return JSON.stringify(model, null, 2) + '\n';
        case 'png': throw new Error('PNG is rendered by svgToPng');
    }
}
