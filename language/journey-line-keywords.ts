/**
 * The keywords each block's lines start with, by the node type of the block: the one table
 * the syntax explainer (did-you-mean for a misspelt line) and the formatter (one statement
 * per line) read. test/language/line-keywords.test.ts keeps it equal to the grammar.
 */
export const lineKeywords: Record<string, string[]> = {
    JourneyFile: ['language', 'import', 'persona', 'channel', 'metric', 'data', 'opportunity', 'journey', 'view',
        'story'],
    Persona: ['role', 'goal', 'frustration', 'quote'],
    Opportunity: ['owner', 'status', 'value', 'effort', 'addresses', 'expects', 'evidence'],
    Journey: ['persona', 'emotion', 'start', 'paths', 'stage'],
    Stage: ['step'],
    Step: ['persona', 'channel', 'touchpoint', 'emotion', 'pain', 'opportunity', 'owner', 'moment', 'frontstage', 'backstage', 'support', 'fail', 'metric', 'next', 'exit', 'quotes',
        'events', 'detail'],
    View: ['journeys', 'persona', 'lanes', 'stages'],
    Story: ['view', 'show'],
    Claim: ['evidence', 'confidence']
};
