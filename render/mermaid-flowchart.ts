import { allSteps, displayName, type JourneyMapModel, type StepModel } from '../model/journey-model.js';
import { shareOf, type ObservedPaths } from '../model/observed-paths.js';
import { mermaidLabel, mermaidText } from './mermaid-text.js';
import { t } from '../model/localisation.js';
import { percentText } from '../paths/path-sentences.js';

/** The widest observed flow, in pixels; the others are as wide as their share of it. */
const widestFlow = 8;
const warningColour = '#d97706';
const unobservedColour = '#9ca3af';

/** `focus`: the steps a change touched, drawn in front and the others dimmed (`diff --view`). */
export interface FlowchartOptions {
    focus?: ReadonlySet<string>;
}

/**
 * The paths through a journey as a Mermaid flowchart: one subgraph per stage, an arrow
 * per `next` (or to the following step when there is none), a rounded end node per exit.
 * Moments of truth get a thick border. With a paths snapshot, the flows customers actually
 * took: each arrow as wide as its count, with the count and share on it; moves the map does
 * not show dashed in the warning colour; steps nobody reaches greyed; reach and drop-off on
 * each step.
 */
export function renderMermaidFlowchart(journey: JourneyMapModel, options: FlowchartOptions = {}): string {
    const steps = allSteps(journey);
    const observed = journey.observedPaths?.paths;
    const ids = new Map(steps.map((step, index) => [step.name, `s${index}`]));
    const lines = ['flowchart LR'];
    journey.stages.forEach((stage, stageIndex) => {
        lines.push(`  subgraph g${stageIndex}[${mermaidLabel(displayName(stage))}]`);
        for (const step of stage.steps) lines.push(`    ${ids.get(step.name)}[${nodeLabel(step, observed)}]`);
        lines.push('  end');
    });
    const links: string[] = [];
    const link = (line: string, style?: string) => {
        if (style) lines.push(`  ${line}`, `  linkStyle ${links.length} ${style}`);
        else lines.push(`  ${line}`);
        links.push(line);
    };
    const flows = observedFlows(observed);
    steps.forEach((step, index) => {
        const from = ids.get(step.name)!;
        const targets =
            step.next.length > 0 ? step.next : !step.exit && steps[index + 1] ? [steps[index + 1].name] : [];
        for (const target of targets) {
            const to = ids.get(target);
            if (!to) continue;
            const flow = flows.get(`${step.name}\u0000${target}`);
            if (!observed) link(`${from} --> ${to}`);
            else if (flow) link(`${from} -->|${flow.label}| ${to}`, `stroke-width:${flow.width}px`);
            else link(`${from} --> ${to}`, `stroke:${unobservedColour},stroke-width:1px`);
        }
        if (step.exit) link(`${from} -.-> ${from}x([${mermaidLabel(t('Leaves'))}])`);
    });
    for (const move of observed?.transitions.filter(transition => !transition.declared) ?? []) {
        const [from, to] = [ids.get(move.from), ids.get(move.to)];
        const flow = flows.get(`${move.from}\u0000${move.to}`)!;
        const style = `stroke:${warningColour},stroke-width:${flow.width}px,stroke-dasharray:6 4`;
        if (from && to) link(`${from} -.->|${flow.label}| ${to}`, style);
    }
    const moments = steps.filter(step => step.momentsOfTruth.length > 0).map(step => ids.get(step.name));
    if (moments.length > 0) {
        lines.push('  classDef momentOfTruth stroke-width:3px');
        lines.push(`  class ${moments.join(',')} momentOfTruth`);
    }
    const dead = (observed?.deadSteps ?? []).flatMap(name => ids.get(name) ?? []);
    if (dead.length > 0) {
        lines.push(`  classDef deadStep fill:#f3f4f6,color:#6b7280,stroke:${unobservedColour},stroke-dasharray:4 3`);
        lines.push(`  class ${dead.join(',')} deadStep`);
    }
    if (options.focus) lines.push(...focusClasses(steps.map(step => step.name), ids, options.focus));
    return lines.join('\n') + '\n';
}

/** Steps a change touched, in front; the others dimmed (`diff --view`). */
function focusClasses(steps: string[], ids: Map<string, string>, focus: ReadonlySet<string>): string[] {
    const touched = steps.filter(step => focus.has(step)).map(step => ids.get(step)!);
    const dimmed = steps.filter(step => !focus.has(step)).map(step => ids.get(step)!);
    return [
        '  classDef touched fill:#fff8c5,stroke:#9a6700,stroke-width:3px',
        '  classDef dimmed fill:#f6f8fa,stroke:#d1d9e0,color:#8c959f',
        ...(touched.length > 0 ? [`  class ${touched.join(',')} touched`] : []),
        ...(dimmed.length > 0 ? [`  class ${dimmed.join(',')} dimmed`] : [])
    ];
}

/** A step's box: its title, and with a snapshot its reach and drop-off. */
function nodeLabel(step: StepModel, observed: ObservedPaths | undefined): string {
    const entry = observed?.steps.find(candidate => candidate.step === step.name);
    if (!observed || !entry) return mermaidLabel(displayName(step));
    const parts = [t('reach {share}', { share: percentText(shareOf(entry.reach, observed.cases)) })];
    if (entry.dropOff > 0)
        parts.push(t('drop-off {share}', { share: percentText(shareOf(entry.dropOff, observed.cases)) }));
    const text = (value: string) => mermaidText(value).replace(/"/g, '#quot;');
    return `"${text(displayName(step))}<br/>${text(parts.join(' · '))}"`;
}

/** Each observed move, by `from\0to`: its label (count · share) and width. */
function observedFlows(observed: ObservedPaths | undefined): Map<string, { label: string; width: number }> {
    const flows = new Map<string, { label: string; width: number }>();
    if (!observed) return flows;
    const most = Math.max(1, ...observed.transitions.map(move => move.count));
    for (const move of observed.transitions) {
        const label = `"${move.count} · ${percentText(shareOf(move.count, observed.cases))}"`;
        const width = Math.max(1, Math.round(widestFlow * move.count / most * 10) / 10);
        flows.set(`${move.from}\u0000${move.to}`, { label, width });
    }
    return flows;
}
