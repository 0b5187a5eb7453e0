import {
    AstUtils, DefaultScopeComputation, DefaultScopeProvider, EMPTY_SCOPE, MapScope, MultiMap, URI, WorkspaceCache,
    type AstNode, type AstNodeDescription, type LangiumDocument, type LangiumDocuments, type LocalSymbols, type ReferenceInfo, type Scope
} from 'langium';
import {
    isJourney, isJourneyFile, isOpportunity, isPathSource, isSlide, isStep, isView, type Journey, type Step, type View
} from './generated/ast.js';
import type { JourneyImports } from './journey-imports.js';
import type { JourneyServices } from './journey-module.js';

/**
 * Exports the top-level declarations (Langium's default). Steps are not exported: `next`
 * has its own scope, and workspace symbols find steps in the documents themselves.
 */
export class JourneyScopeComputation extends DefaultScopeComputation {
    /**
     * Only top-level declarations are local symbols: nothing inside a journey is found by
     * ordinary scoping (`next` has its own scope), and listing the steps in their stage's
     * scope would make every channel or metric reference walk past them. So only the file's
     * own children are looked at, not the whole tree.
     */
    override async collectLocalSymbols(document: LangiumDocument): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        for (const node of AstUtils.streamContents(document.parseResult.value)) {
            this.addLocalSymbol(node, document, symbols);
        }
        return symbols;
    }
}

/**
 * Personas, channels, metrics and data sources: the file's own first, then those of the
 * files it imports (transitively), also as `namespace.Name` for direct imports. Files that
 * are not imported are invisible. `next` sees the steps of its journey across all its
 * stages; steps of the file's other journeys come after them, so that the validator can
 * say "this step belongs to another journey" instead of "unknown step".
 */
export class JourneyScopeProvider extends DefaultScopeProvider {
    private readonly imports: JourneyImports;
    private readonly langiumDocuments: LangiumDocuments;
    private readonly importScopes: WorkspaceCache<string, Scope>;
    /** One scope per journey, shared by all its `next` references (a map may have 50,000 steps). */
    private readonly stepScopes: WorkspaceCache<Journey, Scope>;
    /** One scope per file of the steps an opportunity may address: `Journey.Step`, also `ns.Journey.Step` for imported files. */
    private readonly addressableSteps: WorkspaceCache<LangiumDocument, Scope>;
    /** One scope per file and type of declaration, shared by all references to that type. */
    private readonly declarationScopes: WorkspaceCache<LangiumDocument, Map<string, Scope>>;

    constructor(services: JourneyServices) {
        super(services);
        this.imports = services.journey.Imports;
        this.langiumDocuments = services.shared.workspace.LangiumDocuments;
        this.importScopes = new WorkspaceCache(services.shared);
        this.stepScopes = new WorkspaceCache(services.shared);
        this.declarationScopes = new WorkspaceCache(services.shared);
        this.addressableSteps = new WorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        if (context.property === 'next' && isStep(context.container)) {
            return this.nextStepScope(context.container);
        }
        if (context.property === 'starts' && isJourney(context.container)) {
            return this.journeyStepScope(context.container);
        }
        if (context.property === 'goal' && isPathSource(context.container) && isJourney(context.container.$container)) {
            return this.journeyStepScope(context.container.$container);
        }
        const document = AstUtils.getDocument(context.container);
        if (context.property === 'stages' && isView(context.container)) {
            return this.viewStageScope(context.container);
        }
        const stepPath = (context.property === 'addresses' && isOpportunity(context.container))
            || (context.property === 'step' && isSlide(context.container));
        if (stepPath) {
            return this.addressableSteps.get(document, () => this.stepPathScope(document));
        }
        if (!document.localSymbols) {
            return super.getScope(context);
        }
        const referenceType = this.reflection.getReferenceType(context);
        const scopes = this.declarationScopes.get(document, () => new Map());
        let scope = scopes.get(referenceType);
        if (!scope) {
            scope = this.declarationScope(document, referenceType, context);
            scopes.set(referenceType, scope);
        }
        return scope;
    }

    /**
     * What Langium's scope walk up the tree finds, made once: the file's own declarations of the
     * type (the only local symbols, see JourneyScopeComputation), then the imported ones.
     */
    private declarationScope(document: LangiumDocument, referenceType: string, context: ReferenceInfo): Scope {
        const own = document.localSymbols!.getStream(document.parseResult.value)
            .filter(description => this.reflection.isSubtype(description.type, referenceType))
            .toArray();
        return this.createScope(own, this.getGlobalScope(referenceType, context));
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const document = AstUtils.getDocument(context.container);
        return this.importScopes.get(`${document.uri.toString()}#${referenceType}`, () => {
            const imported = this.imports.importedDocuments(document);
            if (imported.size === 0) {
                return EMPTY_SCOPE;
            }
            const plain = this.indexManager.allElements(referenceType, new Set(imported.keys())).toArray();
            const qualified = plain.flatMap(description => {
                const namespace = imported.get(description.documentUri.toString());
                return namespace ? [{ ...description, name: `${namespace}.${description.name}` }] : [];
            });
            return this.createScope([...plain, ...qualified]);
        });
    }

    /**
     * The steps of this file's journeys as `Journey.Step`, then those of the files it imports,
     * also as `ns.Journey.Step` for direct imports. Steps are not in the index (they are most of
     * a workspace's declarations): they are read from the imported documents themselves.
     */
    private stepPathScope(document: LangiumDocument): Scope {
        const own = this.stepPaths(document.parseResult.value, '');
        const imported = [...this.imports.importedDocuments(document)].flatMap(([uri, namespace]) => {
            const root = this.langiumDocuments.getDocument(URI.parse(uri))?.parseResult.value;
            return root ? [...this.stepPaths(root, ''), ...(namespace ? this.stepPaths(root, `${namespace}.`) : [])] : [];
        });
        return new MapScope(own, new MapScope(imported));
    }

    private stepPaths(root: AstNode, prefix: string): AstNodeDescription[] {
        if (!isJourneyFile(root)) return [];
        return root.elements.filter(isJourney).flatMap(journey =>
            stepsOf(journey).filter(step => step.name).map(step => this.descriptions.createDescription(step, `${prefix}${journey.name}.${step.name}`)));
    }

    /** A view's `stages`: the stages of the journeys it shows (all of the file's when it names none). */
    private viewStageScope(view: View): Scope {
        const named = view.journeys.flatMap(reference => (isJourney(reference.ref) ? [reference.ref] : []));
        const file = AstUtils.getContainerOfType(view, isJourneyFile);
        const journeys = view.journeys.length > 0 ? named : (file?.elements.filter(isJourney) ?? []);
        const stages = journeys.flatMap(journey => journey.stages).filter(stage => stage.name);
        return new MapScope(stages.map(stage => this.descriptions.createDescription(stage, stage.name)));
    }

    private nextStepScope(step: Step): Scope {
        const journey = AstUtils.getContainerOfType(step, isJourney);
        return journey ? this.journeyStepScope(journey) : EMPTY_SCOPE;
    }

    /** The steps of a journey, then those of the file's other journeys (which `next` may not name: the validator says so). */
    private journeyStepScope(journey: Journey): Scope {
        const file = AstUtils.getContainerOfType(journey, isJourneyFile);
        if (!file) {
            return EMPTY_SCOPE;
        }
        return this.stepScopes.get(journey, () => {
            const otherJourneys = file.elements.filter(isJourney).filter(other => other !== journey);
            const outer = new MapScope(this.describe(otherJourneys.flatMap(stepsOf)));
            return new MapScope(this.describe(stepsOf(journey)), outer);
        });
    }

    /** Descriptions of named steps; of two steps with one name the first wins (the second is a duplicate-name error). */
    private describe(steps: Step[]): AstNodeDescription[] {
        const firstByName = new Map<string, Step>();
        for (const step of steps) {
            if (step.name && !firstByName.has(step.name)) firstByName.set(step.name, step);
        }
        return [...firstByName.values()].map(step => this.descriptions.createDescription(step, step.name));
    }
}

export function stepsOf(journey: Journey): Step[] {
    return journey.stages.flatMap(stage => stage.steps);
}
