import {
    AstUtils, DefaultLinker, DocumentState, isAstNode, isAstNodeDescription, isLinkingError, RefResolving,
    type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type LinkingError, type Reference
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { forEachNode, forEachReference } from './journey-ast-walk.js';

/**
 * Langium's linker with references that are instances of one class. Langium builds each
 * reference as an object literal with three getters (three closures and a context each),
 * and its unlink `delete`s a property, which sends the object into dictionary mode: about
 * 800 bytes per reference, 1.6 KB per step of a large map. Ours take 80, and resolve exactly
 * as Langium's do (the steps of `resolve` follow its `buildReference`).
 */
export class JourneyLinker extends DefaultLinker {
    /** Langium's `link`, over the document's node list instead of its streams (see journey-ast-walk). */
    override async link(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        await forEachNode(document, cancelToken, node => forEachReference(node, reference => this.doLink(reference, document)));
    }

    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return new JourneyReference(this, node, property, refNode, refText);
    }

    /** Langium's unlink `delete`s `_nodeDescription`; ours are reset in place and the rest left to it. */
    override unlink(document: LangiumDocument): void {
        for (const reference of document.references) {
            if (reference instanceof JourneyReference) {
                reference._ref = undefined;
                reference._nodeDescription = undefined;
            }
        }
        document.references = document.references.filter(reference => !(reference instanceof JourneyReference));
        super.unlink(document);
    }

    /** What `reference.ref` answers: linked on first use when the linker has not been there yet. */
    resolve(reference: JourneyReference): AstNode | undefined {
        if (isAstNode(reference._ref)) {
            return reference._ref;
        }
        const info = { reference, container: reference.container, property: reference.property };
        if (isAstNodeDescription(reference._nodeDescription)) {
            // A candidate was found before, but its document was not loaded then.
            reference._ref = this.loadAstNode(reference._nodeDescription) ?? this.createLinkingError(info, reference._nodeDescription);
        } else if (reference._ref === undefined) {
            reference._ref = RefResolving;
            const document = AstUtils.findRootNode(reference.container).$document;
            const linked = this.getLinkedNode(info);
            if (linked.error && document && document.state < DocumentState.ComputedScopes) {
                // The document's scopes are not ready: leave it for the linker to try again.
                reference._ref = undefined;
                return undefined;
            }
            reference._ref = linked.node ?? linked.error;
            reference._nodeDescription = linked.descr;
            document?.references.push(reference);
        } else if (reference._ref === RefResolving) {
            this.throwCyclicReferenceError(reference.container, reference.property, reference.$refText);
        }
        return isAstNode(reference._ref) ? reference._ref : undefined;
    }
}

class JourneyReference implements Reference {
    /** The target, its linking error, or RefResolving while it is being looked up; named as Langium's linker expects. */
    _ref: AstNode | LinkingError | typeof RefResolving | undefined = undefined;
    _nodeDescription: AstNodeDescription | undefined = undefined;

    constructor(
        private readonly linker: JourneyLinker,
        readonly container: AstNode,
        readonly property: string,
        readonly $refNode: CstNode | undefined,
        readonly $refText: string
    ) {}

    get ref(): AstNode | undefined {
        return this.linker.resolve(this);
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this._ref) ? this._ref : undefined;
    }
}
