/**
 * Generated event logs with known loops, skips, drop-offs, unmapped events, equal times and a
 * split, and their observed paths computed here in plain TypeScript, walking every event: the
 * numbers `journeymap paths` must find, worked out independently of paths/ and DuckDB.
 */
import type { JourneyMapModel, StepModel } from '../../model/journey-model.js';
import { seededRandom } from '../seeded-random.js';

export interface LogEvent {
    case: string;
    activity: string;
    /** Seconds since the epoch. */
    time: number;
    variant: string;
}

/** The map the logs are held against (test/fixtures/paths/returns.journey has the same shape). */
export const returnsMap = `data clicks "events.csv" events case user_id activity event time ts variant variant

journey Returns "退货退款" {
  paths from clicks goal Refunded
  stage Start "发起退货" {
    step Apply "提交退货申请" {
      events "return_form", "return_submit"
      next Wait, Abandon
    }
  }
  stage Review "审核" {
    step Wait "等待审核" {
      events "review_pending"
      next Approve, Manual
    }
    step Manual "人工审核" {
      events "manual_review"
      next Approve
    }
    step Approve "审核通过" {
      events "review_ok"
      next Refunded
    }
    step Never "加急审核" {
      events "express_review"
      next Refunded
    }
  }
  stage Done "完成" {
    step Refunded "收到退款" {
      events "refund_paid"
      exit
    }
    step Abandon "放弃退货" {
      events "return_cancel"
      exit
    }
  }
}
`;

export const returnsFlow = {
    starts: ['Apply'],
    exits: ['Refunded', 'Abandon'],
    next: {
        Apply: ['Wait', 'Abandon'],
        Wait: ['Approve', 'Manual'],
        Manual: ['Approve'],
        Approve: ['Refunded'],
        Never: ['Refunded']
    } as Record<string, string[]>,
    steps: ['Apply', 'Wait', 'Manual', 'Approve', 'Never', 'Refunded', 'Abandon'],
    activities: {
        return_form: 'Apply',
        return_submit: 'Apply',
        review_pending: 'Wait',
        manual_review: 'Manual',
        review_ok: 'Approve',
        express_review: 'Never',
        refund_paid: 'Refunded',
        return_cancel: 'Abandon'
    } as Record<string, string>
};

/** The returns journey of the kit as a model: the same steps, `next`, exits and events. */
export function returnsJourney(): JourneyMapModel {
    const byStep = new Map<string, string[]>();
    for (const [activity, step] of Object.entries(returnsFlow.activities))
        byStep.set(step, [...(byStep.get(step) ?? []), activity]);
    const step = (name: string): StepModel => ({
        name,
        personas: [],
        channels: [],
        touchpoints: [],
        pains: [],
        opportunities: [],
        momentsOfTruth: [],
        metrics: [],
        next: returnsFlow.next[name] ?? [],
        exit: returnsFlow.exits.includes(name),
        events: byStep.get(name)
    });
    return {
        name: 'Returns',
        personas: [],
        emotionScale: { min: 1, max: 5 },
        stages: [{ name: 'All', steps: returnsFlow.steps.map(step), metrics: [] }]
    };
}

/**
 * `cases` customers through the returns journey. Group B skips review more often (so reaches the
 * refund more often); some loop between waiting and manual review, some stop while waiting, some
 * view pages no step binds, and some log two events in the same second. Rows are shuffled
 * between cases, and within a case only where times differ, so file order breaks ties.
 */
export function generateReturnsLog(seed: number, cases: number, groups: string[] = ['A', 'B']): LogEvent[] {
    const random = seededRandom(seed);
    const events: LogEvent[] = [];
    for (let index = 0; index < cases; index++) {
        const id = `c${index}`;
        const variant = groups[index % groups.length];
        let time = 1_767_225_600 + Math.floor(random() * 86_400 * 30);
        const add = (activity: string, sameSecond = false) => {
            if (!sameSecond) time += 1 + Math.floor(random() * 3_600);
            events.push({ case: id, activity, time, variant });
        };
        add('return_form');
        if (random() < 0.5) add('return_submit', random() < 0.3);
        if (random() < 0.15) add('page_view');
        if (random() < 0.12) { add('return_cancel'); continue; }
        add('review_pending');
        const loops = random() < 0.2 ? 1 + Math.floor(random() * 2) : 0;
        for (let loop = 0; loop < loops; loop++) {
            add('manual_review');
            add('review_pending');
        }
        // Group B's new flow loses fewer customers while they wait.
        const dropWhileWaiting = random() < (variant === 'A' ? 0.16 : 0.04);
        if (dropWhileWaiting) continue;
        const skip = random() < (variant === 'B' ? 0.25 : 0.08);
        if (!skip) add('review_ok');
        if (random() < 0.05) add('help_center');
        add('refund_paid', random() < 0.2);
    }
    return shuffleCases(events, random);
}

/** Cases interleaved as a real log has them; the events of one case keep their order, but for some written late. */
function shuffleCases(events: LogEvent[], random: () => number): LogEvent[] {
    const queues = new Map<string, LogEvent[]>();
    for (const event of events) queues.set(event.case, [...(queues.get(event.case) ?? []), event]);
    const open = [...queues.values()];
    const out: LogEvent[] = [];
    let lastIndex = 0;
    while (open.length > 0) {
        // Mostly the case just written, so that a case's events are often next to each other.
        const index = random() < 0.7 ? Math.min(open.length - 1, lastIndex) : Math.floor(random() * open.length);
        lastIndex = index;
        out.push(open[index].shift()!);
        if (open[index].length === 0) open.splice(index, 1);
    }
    // Some events of a case are written before an earlier one (a late upload): only their times order them.
    for (let index = 0; index + 1 < out.length; index++) {
        const [first, second] = [out[index], out[index + 1]];
        if (first.case === second.case && first.time !== second.time && random() < 0.3)
            [out[index], out[index + 1]] = [second, first];
    }
    return out;
}

export function logCsv(events: LogEvent[], timeAs: 'iso' | 'epoch' = 'iso'): string {
    const time = (seconds: number) =>
        timeAs === 'epoch'
            ? String(seconds)
            : new Date(seconds * 1000).toISOString().replace('T', ' ').replace('.000Z', '');
    return (
        [
            'user_id,event,ts,variant',
            ...events.map(event => `${event.case},${event.activity},${time(event.time)},${event.variant}`)
        ].join('\n') + '\n'
    );
}

/** What `journeymap paths -f json` must say, worked out event by event. */
export function expectedPaths(events: LogEvent[], flow = returnsFlow, goal = 'Refunded') {
    const byCase = new Map<string, Array<{ event: LogEvent; order: number }>>();
    let unmappedEvents = 0;
    events.forEach((event, order) => {
        if (!(event.activity in flow.activities)) {
            unmappedEvents++;
            return;
        }
        byCase.set(event.case, [...(byCase.get(event.case) ?? []), { event, order }]);
    });
    const paths: Array<{ path: string[]; variant: string }> = [];
    for (const list of byCase.values()) {
        list.sort((a, b) => a.event.time - b.event.time || a.order - b.order);
        const path: string[] = [];
        for (const { event } of list) {
            const step = flow.activities[event.activity];
            if (path[path.length - 1] !== step) path.push(step);
        }
        paths.push({ path, variant: list[0].event.variant });
    }
    const declared = (from: string, to: string) => (flow.next[from] ?? []).includes(to);
    const follows = (path: string[]) => flow.starts.includes(path[0]) && flow.exits.includes(path[path.length - 1])
        && path.every((step, index) => index === 0 || declared(path[index - 1], step));
    const transitions = new Map<string, number>();
    const variants = new Map<string, number>();
    for (const { path } of paths) {
        variants.set(path.join('>'), (variants.get(path.join('>')) ?? 0) + 1);
        for (let index = 1; index < path.length; index++) {
            const key = `${path[index - 1]}>${path[index]}`;
            transitions.set(key, (transitions.get(key) ?? 0) + 1);
        }
    }
    const steps = flow.steps.map(step => ({
        step,
        reach: paths.filter(({ path }) => path.includes(step)).length,
        dropOff: paths.filter(({ path }) => path[path.length - 1] === step && !flow.exits.includes(step)).length
    }));
    const groups = [...new Set(paths.map(({ variant }) => variant))].sort().map(value => {
        const inGroup = paths.filter(({ variant }) => variant === value);
        const reached = inGroup.filter(({ path }) => path.includes(goal)).length;
        return { value, cases: inGroup.length, reached, rate: reached / inGroup.length };
    });
    return {
        cases: paths.length,
        unmappedEvents,
        fitness: paths.filter(({ path }) => follows(path)).length / paths.length,
        steps,
        transitions: [...transitions].map(([key, count]) => {
            const [from, to] = key.split('>');
            return { from, to, count, declared: declared(from, to) };
        }),
        deadSteps: steps.filter(step => step.reach === 0).map(step => step.step),
        variants: [...variants].map(([key, count]) => ({ path: key.split('>'), count })),
        groups
    };
}

/**
 * The difference of two rates with its interval and p-value, from the textbook formulas (normal CDF by Simpson's rule).
 */
export function expectedComparison(
    first: { reached: number; cases: number },
    second: { reached: number; cases: number }
) {
    const p1 = first.reached / first.cases;
    const p2 = second.reached / second.cases;
    const difference = p2 - p1;
    const se = Math.sqrt((p1 * (1 - p1)) / first.cases + (p2 * (1 - p2)) / second.cases);
    const pooled = (first.reached + second.reached) / (first.cases + second.cases);
    const z = difference / Math.sqrt(pooled * (1 - pooled) * (1 / first.cases + 1 / second.cases));
    return {
        difference,
        ci95: [difference - 1.96 * se, difference + 1.96 * se],
        pValue: 2 * (1 - normalCdf(Math.abs(z)))
    };
}

function normalCdf(z: number): number {
    const steps = 20_000;
    const width = z / steps;
    const density = (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    let sum = density(0) + density(z);
    for (let index = 1; index < steps; index++) sum += density(index * width) * (index % 2 === 1 ? 4 : 2);
    return 0.5 + sum * width / 3;
}
