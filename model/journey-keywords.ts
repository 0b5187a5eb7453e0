/**
 * Every keyword of the language, so that a generated name never collides with one. Written
 * out rather than read from the grammar, so that the client, the preview and the renderers
 * need no parser; test/model/journey-keywords.test.ts keeps it equal to the grammar's.
 */
export const journeyKeywords: ReadonlySet<string> = new Set([
    ',', '.', '..', '<', '<=', '=', '=<', '=>', '>', '>=', '{', '}',
    'aggregate', 'and', 'as', 'channel', 'count', 'currency', 'data', 'duration', 'emotion', 'exit', 'frustration', 'goal',
    'import', 'journey', 'language', 'last', 'max', 'mean', 'metric', 'min', 'moment', 'next', 'of', 'offline', 'online',
    'opportunity', 'pain', 'percent', 'period', 'persona', 'quote', 'ratio', 'role', 'scale', 'score', 'stage', 'start',
    'step', 'sum', 'target', 'touchpoint', 'truth', 'warn', 'where',
    'owner', 'status', 'value', 'effort', 'addresses', 'expects', 'evidence', 'confidence', 'frontstage', 'backstage', 'support', 'fail', 'point',
    'from', 'on', 'quotes', 'events', 'case', 'activity', 'time', 'variant', 'paths',
    'view', 'journeys', 'lanes', 'stages', 'story', 'show', 'detail'
]);
