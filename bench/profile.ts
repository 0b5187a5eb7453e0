/**
 * bench/profile: repeats one stage of the pipeline on a generated map, for a CPU profile.
 *   node --cpu-prof --cpu-prof-dir=prof --import tsx bench/profile.ts build 1000
 * Stages: `parse` (lexer and parser), `build` (parse, link, index and validate, with the
 * services kept between runs, as in the language server) or `svg` (the map of the built
 * model). Prints each run's time.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { createNodeJourneyServices } from '../language/node-journey-services.js';
import { renderJourneyMapSvg } from '../render/index.js';
import { generatedJourney } from './generated-journey.js';

const [stage = 'build', size = '1000'] = process.argv.slice(2);
const runs = Number(process.env.RUNS ?? 20);
const { text } = generatedJourney(Number(size));
const services = createNodeJourneyServices();
const uri = URI.file(join(tmpdir(), 'profile.journey'));

let model: Awaited<ReturnType<typeof services.Journey.journey.ModelBuilder.build>> | undefined;

async function once(): Promise<void> {
    if (stage === 'svg') {
        model ??= await services.Journey.journey.ModelBuilder.build(await build());
        renderJourneyMapSvg(model);
        return;
    }
    if (stage === 'parse') {
        services.Journey.parser.LangiumParser.parse(text);
        return;
    }
    await build();
}

async function build() {
    const documents = services.shared.workspace.LangiumDocuments;
    if (documents.hasDocument(uri)) documents.deleteDocument(uri);
    services.shared.workspace.IndexManager.remove(uri);
    const document = documents.createDocument(uri, text);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document;
}

for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await once();
    console.log(`${stage} ${size} steps: ${(performance.now() - start).toFixed(1)} ms`);
}
