import { XMLValidator } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URI } from 'langium';
import { loadImportedDocuments } from '../../language/journey-import-loader.js';
import type { JourneyModel } from '../../model/journey-model.js';
import { buildDocuments, createTestServices, examplesDir, journeyFilesIn } from '../journey-test-kit.js';

/** The JourneyModel of every example that has a journey, built as the CLI builds it. */
export async function exampleModels(): Promise<Array<{ file: string; model: JourneyModel }>> {
    const services = createTestServices();
    const files = journeyFilesIn(examplesDir);
    const documents = await buildDocuments(services, Object.fromEntries(files.map(file => [file, undefined])));
    const models = await Promise.all(
        documents.map(async (document, index) => ({
            file: files[index],
            model: await services.Journey.journey.ModelBuilder.build(document)
        }))
    );
    return models.filter(entry => entry.model.journeys.length > 0);
}

export async function modelOf(text: string, path = join(examplesDir, 'inline-test.journey')): Promise<JourneyModel> {
    const services = createTestServices();
    const [document] = await buildDocuments(services, { [path]: text });
    return services.Journey.journey.ModelBuilder.build(document);
}

/** The models of files on disk, each built in a workspace of its own with the files it imports. */
export async function modelsWithImports(paths: string[]): Promise<JourneyModel[]> {
    return Promise.all(paths.map(async path => {
        const services = createTestServices();
        const document = services.shared.workspace.LangiumDocuments.createDocument(
            URI.file(path),
            readFileSync(path, 'utf8')
        );
        await loadImportedDocuments(services.Journey, [document], async uri => readFileSync(uri.fsPath, 'utf8'));
        await services.shared.workspace.DocumentBuilder.build([...services.shared.workspace.LangiumDocuments.all], {
            validation: true
        });
        return services.Journey.journey.ModelBuilder.build(document);
    }));
}

/**
 * Checks that a text is well-formed XML with a real XML parser (tags nest, attributes are quoted), and that it uses
 * only XML's own entities, which the parser does not check.
 */
export function assertWellFormedXml(xml: string): void {
    const unknownEntity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)[^;\s]{0,12};?/.exec(xml);
    if (unknownEntity)
        throw new Error(`not well-formed XML: entity ${unknownEntity[0]} at ${unknownEntity.index} is not XML's`);
    const result = XMLValidator.validate(xml, { allowBooleanAttributes: false });
    if (result !== true) {
        const { line, col, msg } = result.err;
        const lineText = xml.split('\n')[line - 1] ?? '';
        throw new Error(
            `not well-formed XML at ${line}:${col}: ${msg}\n${lineText.slice(Math.max(0, col - 60), col + 60)}`
        );
    }
}

/**
 * A journey of `steps` steps in stages of `perStage`, every step with an emotion and every third with a pain: a large
 * map for tests.
 */
export function largeJourneyText(steps: number, perStage = 40): string {
    const lines = ['journey Big "大地图 Big map" {'];
    for (let stage = 0; stage * perStage < steps; stage++) {
        lines.push(`  stage S${stage} "Stage ${stage} 阶段" {`);
        for (let n = stage * perStage; n < Math.min(steps, (stage + 1) * perStage); n++) {
            lines.push(`    step T${n} "Step ${n}" { emotion ${1 + (n % 5)}${n % 3 === 0 ? ' pain "Waits"' : ''} }`);
        }
        lines.push('  }');
    }
    lines.push('}');
    return lines.join('\n') + '\n';
}
