import { AstUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import {
    DefaultCompletionProvider,
    type CompletionAcceptor,
    type CompletionContext,
    type NextFeature
} from 'langium/lsp';
import {
    CompletionItemKind,
    type CancellationToken,
    type CompletionList,
    type CompletionParams
} from 'vscode-languageserver';
import { refusalOf } from '../language/journey-text-guard.js';
import { isCondition, isDataLink, isEmotion, type DataLink, type JourneyFile } from '../language/generated/ast.js';
import { isIdentifier } from '../model/journey-names.js';
import type { JourneyServices } from '../language/journey-module.js';
import { quote } from '../model/string-literals.js';
import { confidences, opportunityStatuses } from '../model/journey-model.js';
import { t } from '../model/localisation.js';
import { mapLanes } from '../model/view-registry.js';
import type { DataSources } from '../language/journey-data-sources.js';

/** At most this many distinct key values are offered from a data file. */
const maxKeyValues = 200;

/**
 * Langium completes keywords and references from the grammar and the scopes. We add the
 * feelings already used in the file after an emotion score (`emotion 3 |`), and in a data
 * link the columns (`funnel.|`, `where |`) and key values (`where step = |`) read from
 * the data file itself.
 */
export class JourneyCompletionProvider extends DefaultCompletionProvider {
    private readonly dataSources: DataSources;

    constructor(services: JourneyServices) {
        super(services);
        this.dataSources = services.journey.DataSources;
    }

    /** Nothing in a text that was not parsed (too large, binary, failed): completing would parse it after all. */
    override async getCompletion(
        document: LangiumDocument,
        params: CompletionParams,
        cancelToken?: CancellationToken
    ): Promise<CompletionList | undefined> {
        if (refusalOf(document.parseResult)) return undefined;
        return super.getCompletion(document, params, cancelToken);
    }

    protected override async completionFor(
        context: CompletionContext,
        next: NextFeature,
        acceptor: CompletionAcceptor
    ): Promise<void> {
        if (next.property === 'feeling') {
            // only Emotion has a `feeling`
            for (const feeling of feelingsUsedIn(context.document.parseResult.value as JourneyFile)) {
                acceptor(context, {
                    label: feeling,
                    kind: CompletionItemKind.EnumMember,
                    detail: t('feeling used in this file')
                });
            }
            return;
        }
        // Words the grammar reads as names, the checks as one of a few: offer those few.
        const choices =
            next.property === 'statuses'
                ? opportunityStatuses
                : next.property === 'confidences'
                  ? confidences
                  : next.property === 'lanes'
                    ? mapLanes
                    : undefined;
        if (choices) {
            for (const choice of choices) acceptor(context, { label: choice, kind: CompletionItemKind.EnumMember });
            return;
        }
        const link = linkAt(context.node);
        if (link && (next.property === 'column' || next.property === 'key')) {
            for (const column of await this.columnsOf(link)) {
                acceptor(context, {
                    label: column,
                    insertText: isIdentifier(column) ? column : quote(column),
                    kind: CompletionItemKind.Field,
                    detail: t('column of {source}', { source: link.source?.$refText ?? '' })
                });
            }
            return;
        }
        if (link && next.property === 'text' && isCondition(context.node)) {
            for (const value of await this.keyValuesOf(link, context.node.key)) {
                acceptor(context, {
                    label: quote(value),
                    kind: CompletionItemKind.Value,
                    detail: t('{column} in {source}', { column: context.node.key, source: link.source?.$refText ?? '' })
                });
            }
            return;
        }
        return super.completionFor(context, next, acceptor) as MaybePromise<void>;
    }

    private async columnsOf(link: DataLink): Promise<string[]> {
        const table = await this.tableOf(link);
        return table?.columns ?? [];
    }

    private async keyValuesOf(link: DataLink, key: string): Promise<string[]> {
        const table = await this.tableOf(link);
        const values = new Set((table?.cells.get(key) ?? []).filter(value => value !== ''));
        return [...values].slice(0, maxKeyValues);
    }

    private async tableOf(link: DataLink) {
        const source = link.source?.ref;
        const loaded = source && (await this.dataSources.load(source));
        return loaded?.kind === 'table' ? loaded.table : undefined;
    }
}

function linkAt(node: AstNode | undefined): DataLink | undefined {
    return node && (isDataLink(node) ? node : AstUtils.getContainerOfType(node, isDataLink));
}

export function feelingsUsedIn(file: JourneyFile): string[] {
    const feelings = AstUtils.streamAst(file).filter(isEmotion).map(emotion => emotion.feeling).nonNullable();
    return [...new Set(feelings)].sort();
}
