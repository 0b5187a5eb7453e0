import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isChannel,
    isDataLink,
    isDataSource,
    isEmotion,
    isJourney,
    isMetricDefinition,
    isMetricValue,
    isPersona,
    isStage,
    isStep
} from '../language/generated/ast.js';

/** Colours names by what they are, so personas, channels, metrics and steps stand apart. */
export class JourneySemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declaration = [SemanticTokenModifiers.declaration];
        if (isPersona(node))
            acceptor({ node, property: 'name', type: SemanticTokenTypes.class, modifier: declaration });
        else if (isChannel(node))
            acceptor({ node, property: 'name', type: SemanticTokenTypes.enumMember, modifier: declaration });
        else if (isMetricDefinition(node))
            acceptor({ node, property: 'name', type: SemanticTokenTypes.property, modifier: declaration });
        else if (isDataSource(node))
            acceptor({ node, property: 'name', type: SemanticTokenTypes.variable, modifier: declaration });
        else if (isJourney(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.namespace, modifier: declaration });
            acceptor({ node, property: 'personas', type: SemanticTokenTypes.class });
        } else if (isStage(node))
            acceptor({ node, property: 'name', type: SemanticTokenTypes.type, modifier: declaration });
        else if (isStep(node)) {
            acceptor({ node, property: 'name', type: SemanticTokenTypes.function, modifier: declaration });
            acceptor({ node, property: 'personas', type: SemanticTokenTypes.class });
            acceptor({ node, property: 'channels', type: SemanticTokenTypes.enumMember });
            acceptor({ node, property: 'next', type: SemanticTokenTypes.function });
        } else if (isEmotion(node) && node.feeling)
            acceptor({ node, property: 'feeling', type: SemanticTokenTypes.enum });
        else if (isMetricValue(node)) acceptor({ node, property: 'metric', type: SemanticTokenTypes.property });
        else if (isDataLink(node)) acceptor({ node, property: 'source', type: SemanticTokenTypes.variable });
    }
}
