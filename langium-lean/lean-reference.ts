import {
    AstUtils,
    CstUtils,
    isLinkingError,
    UriUtils,
    type AstNode,
    type AstNodeDescription,
    type CstNode,
    type DocumentSegment,
    type LinkingError,
    type Reference,
    type ReferenceDescription,
    type RefResolving,
    type URI
} from 'langium';
import type { PartialLinker } from './partial-linker.js';

/**
 * The lean layer's reference, which is also its own entry in the reference index. Langium's
 * are object literals with three closures that its unlink sends into dictionary mode; ours are
 * instances of one class, and resolve exactly as Langium's do (`PartialLinker.resolve`). As an
 * index entry it keeps where it led when the index last described it (`targetUri`,
 * `targetPath`: a relink resets the reference before the index describes it again, and until
 * then the index answers with what it holds) and works the rest out when asked.
 */
export class LeanReference implements Reference, ReferenceDescription {
    /**
     * The target, its linking error, or RefResolving while it is being looked up; named as Langium's linker expects.
     */
    _ref: AstNode | LinkingError | typeof RefResolving | undefined = undefined;
    _nodeDescription: AstNodeDescription | undefined = undefined;
    /** Where the reference led when the index last described it (see `describedAs`). */
    targetUri!: URI;
    targetPath!: string;

    constructor(
        private readonly linker: PartialLinker,
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

    /** The reference as the index describes it, leading to `target`. */
    describedAs(target: AstNodeDescription): ReferenceDescription {
        this.targetUri = target.documentUri;
        this.targetPath = target.path;
        return this;
    }

    get source(): AstNode {
        return this.container;
    }

    get sourceUri(): URI {
        return AstUtils.getDocument(this.container).uri;
    }

    get sourcePath(): string {
        return this.linker.pathOf(this.container);
    }

    get local(): boolean {
        return UriUtils.equals(this.targetUri, this.sourceUri);
    }

    get segment(): DocumentSegment {
        return CstUtils.toDocumentSegment(this.$refNode!);
    }
}
