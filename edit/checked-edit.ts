import { t } from '../model/localisation.js';
import { editedTextFields, type JourneyEdit } from '../protocol/edit-request.js';
import { EditRefused } from './edit-refused.js';

/** The fields each kind of edit must have, by type; the `?` ones may be left out. */
const fieldsOf: Record<JourneyEdit['kind'], Record<string, 'string' | 'number' | 'string?'>> = {
    setEmotion: { step: 'string', score: 'number', feeling: 'string?' },
    setText: { element: 'string', field: 'string', text: 'string' },
    moveStep: { step: 'string', before: 'string?', after: 'string?', stage: 'string?' },
    addStep: { after: 'string?', stage: 'string?', id: 'string?', title: 'string' },
    addPain: { step: 'string', text: 'string' },
    addOpportunity: { step: 'string', text: 'string' },
    addTouchpoint: { step: 'string', text: 'string' },
    setStatus: { opportunity: 'string', status: 'string' },
    delete: { element: 'string' },
    connect: { from: 'string', to: 'string' },
    disconnect: { from: 'string', to: 'string' }
};

/**
 * The edit a client sent, when it has the shape of one; refused with what is wrong otherwise
 * (it comes over the wire).
 */
export function checkedEdit(edit: unknown): JourneyEdit {
    const kind = (edit as { kind?: unknown } | null)?.kind;
    if (typeof kind !== 'string' || !(kind in fieldsOf)) {
        throw new EditRefused(t('Unknown edit kind: {kind}.', { kind: String(kind) }));
    }
    const fields = fieldsOf[kind as JourneyEdit['kind']];
    for (const [name, type] of Object.entries(fields)) {
        const value = (edit as Record<string, unknown>)[name];
        const optional = type.endsWith('?');
        if ((value === undefined && !optional) || (value !== undefined && typeof value !== type.replace('?', ''))) {
            throw new EditRefused(
                t('An edit `{kind}` needs `{field}` as a {type}.', { kind, field: name, type: type.replace('?', '') })
            );
        }
    }
    const textFields: readonly string[] = editedTextFields;
    if (kind === 'setText' && !textFields.includes((edit as { field: string }).field)) {
        throw new EditRefused(
            t('An edit `{kind}` needs `{field}` as a {type}.', { kind, field: 'field', type: textFields.join(' | ') })
        );
    }
    return edit as JourneyEdit;
}
