import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ObservedPaths } from '../../model/observed-paths.js';
import {
    expectedComparison,
    expectedPaths,
    generateReturnsLog,
    logCsv,
    returnsMap,
    type LogEvent
} from '../paths/event-log-kit.js';
import { runCli, workspaceWith } from './cli-runner.js';

/** `journeymap paths -f json` on a workspace of the returns map and a log; the JSON's one journey. */
function pathsOf(dir: string, args: string[] = []): ObservedPaths {
    const result = runCli(['paths', 'returns.journey', '-f', 'json', ...args], dir);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { journeys: ObservedPaths[] };
    assert.equal(report.journeys.length, 1);
    return report.journeys[0];
}

const byMove = (a: { from: string; to: string }, b: { from: string; to: string }) =>
    `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`);
const byPath = (a: { path: string[] }, b: { path: string[] }) => a.path.join('>').localeCompare(b.path.join('>'));

function assertMatches(actual: ObservedPaths, events: LogEvent[]): void {
    const expected = expectedPaths(events);
    assert.equal(actual.journey, 'Returns');
    assert.equal(actual.source, 'clicks');
    assert.equal(actual.cases, expected.cases);
    assert.equal(actual.unmappedEvents, expected.unmappedEvents);
    assert.ok(Math.abs(actual.fitness - expected.fitness) < 1e-12, `fitness ${actual.fitness} ≠ ${expected.fitness}`);
    assert.deepEqual(actual.steps, expected.steps);
    assert.deepEqual([...actual.transitions].sort(byMove), [...expected.transitions].sort(byMove));
    assert.deepEqual(actual.deadSteps, expected.deadSteps);
    assert.deepEqual([...actual.variants].sort(byPath), [...expected.variants].sort(byPath));
}

describe('journeymap paths', function () {
    this.timeout(120_000);
    const events = generateReturnsLog(7, 600);
    let dir: string;
    before(() => {
        dir = workspaceWith({ 'returns.journey': returnsMap, 'events.csv': logCsv(events) });
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('finds the step paths, transitions, reach, drop-off, dead steps and variants a walk of the log finds', () => {
        const paths = pathsOf(dir);
        assertMatches(paths, events);
        // The generated log has each kind of behaviour the definitions are about.
        assert.ok(
            paths.transitions.some(move => move.from === 'Wait' && move.to === 'Refunded' && !move.declared),
            'a skip'
        );
        assert.ok(
            paths.transitions.some(move => move.from === 'Manual' && move.to === 'Wait' && !move.declared),
            'a loop'
        );
        assert.ok(paths.steps.find(step => step.step === 'Wait')!.dropOff > 0, 'a drop-off');
        assert.deepEqual(paths.deadSteps, ['Never']);
        assert.ok(paths.fitness > 0.3 && paths.fitness < 0.9, `fitness ${paths.fitness}`);
    });

    it('splits by the log\'s variant column: rates, the difference, its interval and p-value', () => {
        const { split } = pathsOf(dir);
        const expected = expectedPaths(events);
        assert.ok(split, 'a split, from `variant variant` and `goal Refunded`');
        assert.equal(split.column, 'variant');
        assert.equal(split.goal, 'Refunded');
        assert.deepEqual(split.groups.map(group => group.value), ['A', 'B']);
        for (const [index, group] of split.groups.entries()) {
            assert.equal(group.cases, expected.groups[index].cases);
            assert.equal(group.reached, expected.groups[index].reached);
            assert.ok(Math.abs(group.rate - expected.groups[index].rate) < 1e-12);
        }
        const comparison = expectedComparison(expected.groups[0], expected.groups[1]);
        assert.ok(Math.abs(split.difference! - comparison.difference) < 1e-12);
        assert.ok(
            Math.abs(split.ci95![0] - comparison.ci95[0]) < 1e-4 &&
                Math.abs(split.ci95![1] - comparison.ci95[1]) < 1e-4,
            `${split.ci95} vs ${comparison.ci95}`
        );
        assert.ok(Math.abs(split.pValue! - comparison.pValue) < 1e-5, `p ${split.pValue} vs ${comparison.pValue}`);
        assert.ok(split.difference! > 0, 'B skips review more often, so reaches the refund more often');
    });

    it('compares each group with the first when there are more than two', () => {
        const three = generateReturnsLog(11, 300, ['A', 'B', 'C']);
        const folder = workspaceWith({ 'returns.journey': returnsMap, 'events.csv': logCsv(three) });
        try {
            const { split } = pathsOf(folder, ['--split', 'variant', '--goal', 'Approve']);
            const expected = expectedPaths(three, undefined, 'Approve');
            assert.deepEqual(split!.comparisons!.map(entry => entry.value), ['B', 'C']);
            for (const [index, entry] of split!.comparisons!.entries()) {
                const comparison = expectedComparison(expected.groups[0], expected.groups[index + 1]);
                assert.ok(Math.abs(entry.difference - comparison.difference) < 1e-12);
                assert.ok(Math.abs(entry.pValue - comparison.pValue) < 1e-5);
            }
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('reads times written as epoch seconds, and breaks equal times by the order of the file', () => {
        const tied: LogEvent[] = [
            { case: 'x', activity: 'return_form', time: 100, variant: 'A' },
            { case: 'x', activity: 'review_pending', time: 200, variant: 'A' },
            { case: 'x', activity: 'refund_paid', time: 200, variant: 'A' },
            { case: 'y', activity: 'return_form', time: 100, variant: 'A' },
            { case: 'y', activity: 'refund_paid', time: 200, variant: 'A' },
            { case: 'y', activity: 'review_pending', time: 200, variant: 'A' }
        ];
        const folder = workspaceWith({ 'returns.journey': returnsMap, 'events.csv': logCsv(tied, 'epoch') });
        try {
            const paths = pathsOf(folder);
            assertMatches(paths, tied);
            assert.deepEqual(
                [...paths.variants].sort(byPath).map(variant => variant.path.join(' ')),
                ['Apply Refunded Wait', 'Apply Wait Refunded']
            );
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('says it the way a product manager would, in the map\'s language', () => {
        const text = runCli(['paths', 'returns.journey'], dir);
        assert.equal(text.status, 0, text.stderr);
        assert.match(text.stdout, /of customers go from 等待审核 straight to 收到退款, which the map does not show\./);
        assert.match(text.stdout, /Nobody reaches 加急审核/);
        assert.match(
            text.stdout,
            /B reaches 收到退款 [\d.]+ pp more often than A, 95 % CI [\d.-]+ to [\d.]+ pp, p [=<] [\d.]+\./
        );
        writeFileSync(
            join(dir, 'zh.journey'),
            `language zh-cn\n${returnsMap.replace('journey Returns', 'journey Returns2').replace('data clicks', 'data clicks2').replace('paths from clicks', 'paths from clicks2')}`
        );
        const chinese = runCli(['paths', 'zh.journey'], dir);
        rmSync(join(dir, 'zh.journey'));
        assert.equal(chinese.status, 0, chinese.stderr);
        assert.match(chinese.stdout, /的客户从“等待审核”直接到“收到退款”，地图上没有这条路径。/);
        const markdown = runCli(['paths', 'returns.journey', '-f', 'md'], dir);
        assert.match(markdown.stdout, /^## 退货退款/m);
        assert.match(markdown.stdout, /\| 提交退货申请 \| 600 · 100 % \|/);
    });

    it('counts each journey of each map that reads the log, journeys of the same name too, the log read once', () => {
        // A second map's journey of the same name binds fewer events: its numbers are its own.
        const fewer = returnsMap
            .replace('events "return_form", "return_submit"', 'events "return_form"')
            .replace('events "manual_review"', 'events "manual_other"');
        writeFileSync(join(dir, 'other.journey'), fewer);
        try {
            const result = runCli(['paths', 'returns.journey', 'other.journey', '-f', 'json'], dir);
            assert.equal(result.status, 0, result.stderr);
            assert.equal(result.stderr.match(/Counting paths in clicks/g)?.length, 1);
            const journeys = (JSON.parse(result.stdout) as { journeys: ObservedPaths[] }).journeys;
            const manual = (paths: ObservedPaths) => paths.steps.find(step => step.step === 'Manual')!.reach;
            assert.equal(journeys.length, 2);
            const [second, first] = [...journeys].sort((a, b) => manual(a) - manual(b));
            assertMatches(first, events);
            assert.equal(manual(second), 0, 'the second map binds no event of the log to Manual');
            assert.ok(second.unmappedEvents > first.unmappedEvents);
        } finally {
            rmSync(join(dir, 'other.journey'));
        }
    });

    it('fails CI when fewer customers follow the map than --fail-on asks', () => {
        const fitness = pathsOf(dir).fitness;
        const strict = runCli(
            ['paths', 'returns.journey', '--fail-on', `fitness<${Math.ceil(fitness * 100) + 1}%`],
            dir
        );
        assert.equal(strict.status, 1);
        assert.match(strict.stderr, /退货退款: [\d.]+ % of customers follow the map, below [\d.]+ %/);
        assert.equal(
            runCli(['paths', 'returns.journey', '--fail-on', `fitness<${Math.floor(fitness * 100) / 100 - 0.01}`], dir)
                .status,
            0
        );
        const bad = runCli(['paths', 'returns.journey', '--fail-on', 'fitness>0.8'], dir);
        assert.equal(bad.status, 2);
        assert.match(bad.stderr, /fitness<0\.8/);
    });
});
