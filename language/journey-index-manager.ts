import { DefaultIndexManager, UriUtils, type URI } from 'langium';
import { referenceIndexOf } from '../langium-lean/langium-internals.js';

/** Langium's index, with one question of ours answered in one pass over it. */
export function journeyIndexManager(Base: typeof DefaultIndexManager) {
    return class JourneyIndexManager extends Base {
        /**
         * The paths of the nodes of the document `uri` that some reference in the workspace points
         * at, in one pass over the index: asking per node (`findAllReferences`) goes over the whole
         * index once per node.
         */
        referencedPaths(uri: URI): Set<string> {
            const paths = new Set<string>();
            for (const descriptions of referenceIndexOf(this).values()) {
                for (const description of descriptions) {
                    if (UriUtils.equals(description.targetUri, uri)) paths.add(description.targetPath);
                }
            }
            return paths;
        }

        /** The nodes that references of the document `uri` point at, each once, as `targetUri#targetPath`. */
        targetsReferencedFrom(uri: URI): string[] {
            const targets = new Set<string>();
            for (const description of referenceIndexOf(this).get(uri.toString()) ?? []) {
                targets.add(`${description.targetUri.toString()}#${description.targetPath}`);
            }
            return [...targets];
        }
    };
}

export type JourneyIndexManager = InstanceType<ReturnType<typeof journeyIndexManager>>;
