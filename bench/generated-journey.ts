/** The maps the benchmarks measure, generated at any size. */

/** A journey of `steps` steps in stages of ten, each with the usual properties, as .journey text and as JSON. */
export function generatedJourney(steps: number): { text: string; json: string } {
    const stages = Array.from({ length: Math.ceil(steps / 10) }, (_, s) => ({
        name: `S${s}`, title: `Stage ${s} 阶段`,
        steps: Array.from({ length: Math.min(10, steps - s * 10) }, (_, i) => {
            const n = s * 10 + i;
            return {
                name: `T${n}`,
                title: `Step ${n} 看到广告`,
                channel: 'Web',
                touchpoint: `Touchpoint ${n}`,
                emotion: 1 + (n % 5),
                feeling: 'curious',
                pain: n % 3 === 0 ? 'Shipping costs appear only in the cart' : undefined,
                metric: n % 4
            };
        })
    }));
    const lines = ['channel Web online', 'metric m count', 'journey Bench "Bench" {', '  emotion scale 1..5'];
    for (const stage of stages) {
        lines.push(`  stage ${stage.name} "${stage.title}" {`);
        for (const step of stage.steps) {
            lines.push(
                `    step ${step.name} "${step.title}" {`,
                `      channel ${step.channel}`,
                `      touchpoint "${step.touchpoint}"`,
                `      emotion ${step.emotion} ${step.feeling}`
            );
            if (step.pain) lines.push(`      pain "${step.pain}"`);
            lines.push(`      metric m = ${step.metric}`, '    }');
        }
        lines.push('  }');
    }
    lines.push('}');
    return { text: lines.join('\n') + '\n', json: JSON.stringify({ journey: { name: 'Bench', stages } }) };
}
