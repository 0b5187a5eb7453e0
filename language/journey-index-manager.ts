import { DefaultIndexManager, UriUtils, type URI } from 'langium';

/** Langium's index, with one question of ours answered in one pass over it. */
export class JourneyIndexManager extends DefaultIndexManager {
    /**
     * The paths of the nodes of the document `uri` that some reference in the workspace points
     * at, in one pass over the index: asking per node (`findAllReferences`) went over the whole
     * index once per node, minutes for a file of 20,000 declarations.
     */
    referencedPaths(uri: URI): Set<string> {
        const paths = new Set<string>();
        for (const descriptions of this.referenceIndex.values()) {
            for (const description of descriptions) {
                if (UriUtils.equals(description.targetUri, uri)) paths.add(description.targetPath);
            }
        }
        return paths;
    }

    /** The nodes that references of the document `uri` point at, as `targetUri#targetPath`. */
    targetsReferencedFrom(uri: URI): string[] {
        return (this.referenceIndex.get(uri.toString()) ?? []).map(description => `${description.targetUri.toString()}#${description.targetPath}`);
    }
}
