/** A gesture that cannot become an edit of the text, with the reason in the writer's words; nothing is changed. */
export class EditRefused extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'EditRefused';
    }
}
