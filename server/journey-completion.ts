import { AstUtils, type MaybePromise } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type NextFeature } from 'langium/lsp';
import { CompletionItemKind } from 'vscode-languageserver';
import { isEmotion, type JourneyFile } from '../language/generated/ast.js';

/**
 * Langium completes keywords and references from the grammar and the scopes. We add the
 * feelings already used in the file after an emotion score (`emotion 3 |`), so a team
 * keeps one vocabulary of feelings.
 */
export class JourneyCompletionProvider extends DefaultCompletionProvider {
    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (next.property === 'feeling') { // only Emotion has a `feeling`
            for (const feeling of feelingsUsedIn(context.document.parseResult.value as JourneyFile)) {
                acceptor(context, { label: feeling, kind: CompletionItemKind.EnumMember, detail: 'feeling used in this file' });
            }
            return;
        }
        return super.completionFor(context, next, acceptor);
    }
}

export function feelingsUsedIn(file: JourneyFile): string[] {
    const feelings = AstUtils.streamAst(file).filter(isEmotion).map(emotion => emotion.feeling).nonNullable();
    return [...new Set(feelings)].sort();
}
