import { allSteps, displayName, type JourneyMapModel } from '../model/journey-model.js';
import { mermaidLabel } from './mermaid-text.js';
import { t } from '../model/localisation.js';

/**
 * The paths through a journey as a Mermaid flowchart: one subgraph per stage, an arrow
 * per `next` (or to the following step when there is none), a rounded end node per exit.
 * Moments of truth get a thick border.
 */
export function renderMermaidFlowchart(journey: JourneyMapModel): string {
    const steps = allSteps(journey);
    const ids = new Map(steps.map((step, index) => [step.name, `s${index}`]));
    const lines = ['flowchart LR'];
    journey.stages.forEach((stage, stageIndex) => {
        lines.push(`  subgraph g${stageIndex}[${mermaidLabel(displayName(stage))}]`);
        for (const step of stage.steps) lines.push(`    ${ids.get(step.name)}[${mermaidLabel(displayName(step))}]`);
        lines.push('  end');
    });
    steps.forEach((step, index) => {
        const from = ids.get(step.name)!;
        const targets = step.next.length > 0 ? step.next : !step.exit && steps[index + 1] ? [steps[index + 1].name] : [];
        for (const target of targets) {
            const to = ids.get(target);
            if (to) lines.push(`  ${from} --> ${to}`);
        }
        if (step.exit) lines.push(`  ${from} -.-> ${from}x([${mermaidLabel(t('Leaves'))}])`);
    });
    const moments = steps.filter(step => step.momentsOfTruth.length > 0).map(step => ids.get(step.name));
    if (moments.length > 0) {
        lines.push('  classDef momentOfTruth stroke-width:3px');
        lines.push(`  class ${moments.join(',')} momentOfTruth`);
    }
    return lines.join('\n') + '\n';
}
