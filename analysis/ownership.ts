import { displayName, type JourneyModel } from '../model/journey-model.js';

/** What someone owns: a step, an action in a lane of the blueprint, or an opportunity. */
export interface OwnedItem {
    owner: string;
    kind: 'step' | 'frontstage' | 'backstage' | 'support' | 'opportunity';
    /** Where it is: `Journey › Stage › Step`, or the opportunity's id. */
    where: string;
    /** What it is: the step's title, the action, the opportunity's title. */
    what: string;
    uri: string;
}

/** Who owns what across the maps, by owner (as written, sorted), then in the order of the maps. */
export function ownership(models: JourneyModel[]): OwnedItem[] {
    const items: OwnedItem[] = [];
    for (const model of models) {
        for (const journey of model.journeys) {
            for (const stage of journey.stages) {
                for (const step of stage.steps) {
                    const where = `${displayName(journey)} › ${displayName(stage)} › ${displayName(step)}`;
                    for (const owner of step.owners ?? [])
                        items.push({ owner, kind: 'step', where, what: displayName(step), uri: model.uri });
                    for (const action of step.blueprint ?? []) {
                        if (action.owner)
                            items.push({
                                owner: action.owner,
                                kind: action.lane,
                                where,
                                what: action.text,
                                uri: model.uri
                            });
                    }
                }
            }
        }
        for (const opportunity of model.opportunities ?? []) {
            if (opportunity.owner)
                items.push({
                    owner: opportunity.owner,
                    kind: 'opportunity',
                    where: opportunity.name,
                    what: displayName(opportunity),
                    uri: model.uri
                });
        }
    }
    return items.map((item, index) => ({ item, index }))
        .sort((a, b) => a.item.owner.localeCompare(b.item.owner) || a.index - b.index)
        .map(({ item }) => item);
}
