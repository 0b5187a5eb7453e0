import { ValidationRegistry, type ValidationCheck } from 'langium';

const failureContext = 'An error occurred during validation';

/**
 * Langium's registry wraps every check in two async functions, so that a check that throws
 * becomes a diagnostic instead of ending the validation: promises for every node on every
 * validation. Ours keeps the same safety net (Langium's own `handleException`), but a check that
 * returns nothing stays synchronous.
 */
export class SyncValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            try {
                const pending = check.call(thisObj, node, accept, cancelToken);
                return pending ? this.handleException(() => pending, failureContext, accept, node) : undefined;
            } catch (error) {
                return this.handleException(
                    () => {
                        throw error;
                    },
                    failureContext,
                    accept,
                    node
                );
            }
        };
    }
}
