import { allSteps, displayName, type JourneyMapModel, type MetricModel } from '../model/journey-model.js';

export interface FunnelStep {
    step: string;
    label: string;
    value: number;
}

/** From one step of a funnel to the next: the share that goes on and the share that drops off, in percent. */
export interface FunnelTransition {
    conversion: number;
    dropOff: number;
}

export interface Funnel {
    metric: string;
    title: string;
    steps: FunnelStep[];
    transitions: FunnelTransition[];
}

/**
 * The journey's funnels: for each count metric, the steps that carry a value of it, in
 * the journey's order, when there are at least two. Between consecutive steps, the
 * conversion and drop-off are computed from the counts.
 */
export function funnelsOf(journey: JourneyMapModel, metrics: MetricModel[]): Funnel[] {
    return metrics.filter(metric => metric.unit === 'count').flatMap(metric => {
        const steps = allSteps(journey).flatMap(step => {
            const value = step.metrics.find(candidate => candidate.metric === metric.name)?.value;
            return value === undefined ? [] : [{ step: step.name, label: displayName(step), value }];
        });
        if (steps.length < 2) return [];
        return [
            {
                metric: metric.name,
                title: displayName(metric),
                steps,
                transitions: steps.slice(1).map((step, index) => transition(steps[index].value, step.value))
            }
        ];
    });
}

function transition(from: number, to: number): FunnelTransition {
    const conversion = from === 0 ? 0 : Math.round((to / from) * 1000) / 10;
    return { conversion, dropOff: Math.round((100 - conversion) * 10) / 10 };
}
