import { AstUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { Import, JourneyAstType } from '../generated/ast.js';
import type { JourneyImports } from '../journey-imports.js';
import { IssueCodes } from '../journey-issue-codes.js';
import type { JourneyServices } from '../journey-module.js';
import { t } from '../../model/localisation.js';

/** Imports: inside the workspace, found, and not in a circle. */
export function registerImportChecks(services: JourneyServices): void {
    const checks = new ImportChecks(services);
    const registered: ValidationChecks<JourneyAstType> = {
        Import: checks.checkImport
    };
    services.validation.ValidationRegistry.register(registered, checks);
}

class ImportChecks {
    private readonly imports: JourneyImports;

    constructor(services: JourneyServices) {
        this.imports = services.journey.Imports;
    }

    checkImport(imp: Import, accept: ValidationAcceptor): void {
        const resolved = this.imports.resolve(imp);
        if (resolved.kind === 'outside') {
            accept('error', t('Import "{path}" {reason}.', { path: imp.path, reason: resolved.reason }), { node: imp, property: 'path', code: IssueCodes.PathOutsideWorkspace, data: { code: IssueCodes.PathOutsideWorkspace } });
            return;
        }
        if (!this.imports.importedDocument(imp)) {
            accept('error', t('Cannot find "{path}": no .journey file at {file}. Check the path (it is relative to this file).', { path: imp.path, file: resolved.uri.path }), {
                node: imp, property: 'path', code: IssueCodes.ImportNotFound, data: { code: IssueCodes.ImportNotFound }
            });
            return;
        }
        const cycle = this.imports.findCycle(imp);
        if (cycle) {
            const chain = [AstUtils.getDocument(imp).uri, ...cycle].map(uri => uri.path.split('/').pop()).join(' → ');
            accept('error', t('Import cycle: {chain}. Move the shared declarations into a file that imports neither.', { chain }), {
                node: imp, property: 'path', code: IssueCodes.ImportCycle, data: { code: IssueCodes.ImportCycle }
            });
        }
    }
}
