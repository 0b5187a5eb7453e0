import { numericCell, type DataTable } from './data-table.js';
import { mapOntoScale, meanOf, surveyAnswerScales, surveyScore, type SurveyScore } from './survey-scores.js';
import type { PeriodValue, Scale, SurveyUnit } from '../model/journey-model.js';
import {
    findUnknownColumn,
    matchingRows,
    noRow,
    rowsByPeriod,
    type LinkResolution,
    type LinkShape
} from './data-link.js';

type Problem = Extract<LinkResolution, { kind: 'problem' }>;

/** The answers of the rows a link picks: those within the answer scale, and the rows whose cell is not an answer. */
export interface Answers {
    values: number[];
    /**
     * Rows whose cell is a number outside the scale, or text that is no number (blank cells are no answer, and not
     * listed).
     */
    rejected: number[];
    /** The rows each answer came from, in `values` order. */
    rows: number[];
}

/**
 * A survey link (`metric nps = survey.score where step = "checkout"`): every matching row is
 * an answer. With a period column, one score per period (the latest is the value). The
 * answers outside the unit's scale are left out and listed, so the validator can name them.
 */
export type SurveyResolution =
    | { kind: 'answers'; score?: SurveyScore; series?: PeriodValue[]; rejected: number[]; line?: number }
    | Problem;

export function resolveSurveyLink(
    link: LinkShape,
    table: DataTable,
    unit: SurveyUnit,
    periodColumn?: string
): SurveyResolution {
    return remembered(table, ['survey', linkKey(link), unit, periodColumn], () =>
        surveyLink(link, table, unit, periodColumn)
    );
}

function surveyLink(link: LinkShape, table: DataTable, unit: SurveyUnit, periodColumn?: string): SurveyResolution {
    const rows = pickRows(link, table);
    if (!isRows(rows)) return rows;
    const scale = surveyAnswerScales[unit];
    if (periodColumn === undefined || !table.columns.includes(periodColumn)) {
        const answers = answersOf(link, table, rows, scale);
        return {
            kind: 'answers',
            score: surveyScore(unit, answers.values),
            rejected: answers.rejected,
            line: lastLine(table, answers.rows)
        };
    }
    const series: PeriodValue[] = [];
    const rejected: number[] = [];
    let latest: SurveyScore | undefined;
    let line: number | undefined;
    for (const [period, periodRows] of rowsByPeriod(table, rows, periodColumn)) {
        const answers = answersOf(link, table, periodRows, scale);
        rejected.push(...answers.rejected);
        latest = surveyScore(unit, answers.values);
        line = lastLine(table, answers.rows);
        if (latest) series.push({ period, value: latest.value, sample: { n: latest.n, margin: latest.margin } });
    }
    return { kind: 'answers', score: latest, series, rejected, line };
}

/**
 * `emotion from survey.score scale 0..10 where …`: the mean answer of the matching rows (of the
 * latest period, with a period column), mapped onto the journey's emotion scale.
 */
export type MeasuredResolution =
    | { kind: 'measured'; score?: number; mean?: number; n: number; rejected: number[] }
    | Problem;

export function resolveMeasuredEmotion(
    link: LinkShape,
    answerScale: Scale,
    table: DataTable,
    journeyScale: Scale,
    periodColumn?: string
): MeasuredResolution {
    return remembered(
        table,
        ['measured', linkKey(link), answerScale.min, answerScale.max, journeyScale.min, journeyScale.max, periodColumn],
        () => measuredEmotion(link, answerScale, table, journeyScale, periodColumn)
    );
}

function measuredEmotion(
    link: LinkShape,
    answerScale: Scale,
    table: DataTable,
    journeyScale: Scale,
    periodColumn?: string
): MeasuredResolution {
    const all = pickRows(link, table);
    if (!isRows(all)) return all;
    const rows =
        periodColumn !== undefined && table.columns.includes(periodColumn)
            ? ([...rowsByPeriod(table, all, periodColumn).values()].at(-1) ?? [])
            : all;
    const answers = answersOf(link, table, rows, answerScale);
    if (answers.values.length === 0) return { kind: 'measured', n: 0, rejected: answers.rejected };
    const mean = meanOf(answers.values);
    return {
        kind: 'measured',
        score: mapOntoScale(mean, answerScale, journeyScale),
        mean,
        n: answers.values.length,
        rejected: answers.rejected
    };
}

/** How many customer comments a step shows. */
export const quotesShown = 3;

/**
 * `quotes from survey.comment where …`: the comments of the lowest scores, shortest first
 * among equal scores, each text once. Without a score column, in the file's order.
 */
export function selectQuotes(link: LinkShape, table: DataTable, scoreColumn: string | undefined): string[] | Problem {
    const rows = pickRows(link, table);
    if (!isRows(rows)) return rows;
    const scores = scoreColumn !== undefined ? table.cells.get(scoreColumn) : undefined;
    const texts = table.cells.get(link.column) ?? [];
    const numbers = new Map<string, number>();
    const scoreOf = (cell: string) => numbers.get(cell) ?? numbers.set(cell, numericCell(cell) ?? Infinity).get(cell)!;
    const comments = rows
        .filter(row => texts[row] !== undefined && texts[row] !== '')
        .map(row => ({ text: texts[row], score: scores ? scoreOf(scores[row]) : 0, length: [...texts[row]].length }))
        .sort((a, b) => a.score - b.score || a.length - b.length);
    const seen = new Set<string>();
    const chosen: string[] = [];
    for (const comment of comments) {
        const key = comment.text.toLocaleLowerCase().replace(/\s+/g, ' ');
        if (seen.has(key)) continue;
        seen.add(key);
        chosen.push(comment.text);
        if (chosen.length === quotesShown) break;
    }
    return chosen;
}

/** Why a link finds no rows (an unknown column, no matching row), or undefined when it finds some. */
export function linkProblem(link: LinkShape, table: DataTable): Problem | undefined {
    const rows = pickRows(link, table);
    return isRows(rows) ? undefined : rows;
}

function pickRows(link: LinkShape, table: DataTable): readonly number[] | Problem {
    const unknown = findUnknownColumn(link, table);
    if (unknown) return unknown as Problem;
    const rows = matchingRows(link, table);
    return rows.length > 0 ? rows : noRow(link, table) as Problem;
}

const resolutions = new WeakMap<DataTable, Map<string, SurveyResolution | MeasuredResolution>>();

/**
 * A link's answers, worked out once per table read: the checks and the model ask for the
 * same link, and a million rows are worth not reading twice. Problems are not kept: they
 * point at the syntax tree of the document that asked.
 */
function remembered<T extends SurveyResolution | MeasuredResolution>(
    table: DataTable,
    key: unknown[],
    compute: () => T
): T {
    let byLink = resolutions.get(table);
    if (!byLink) resolutions.set(table, (byLink = new Map()));
    const text = JSON.stringify(key);
    const known = byLink.get(text);
    if (known) return known as T;
    const result = compute();
    if (result.kind !== 'problem') byLink.set(text, result);
    return result;
}

function linkKey(link: LinkShape): unknown {
    return [link.column, link.conditions.map(condition => [condition.key, condition.text ?? condition.number])];
}

function isRows(rows: readonly number[] | Problem): rows is readonly number[] {
    return Array.isArray(rows);
}

function answersOf(link: LinkShape, table: DataTable, rows: readonly number[], scale: Scale): Answers {
    const cells = table.cells.get(link.column) ?? [];
    // A column of a million answers holds a handful of distinct texts: each is read as a number once.
    const numbers = new Map<string, number | undefined>();
    const answers: Answers = { values: [], rejected: [], rows: [] };
    for (const row of rows) {
        const cell = cells[row] ?? '';
        if (cell === '') continue;
        let value = numbers.get(cell);
        if (!numbers.has(cell)) numbers.set(cell, value = numericCell(cell));
        if (value === undefined || value < scale.min || value > scale.max) {
            answers.rejected.push(row);
        } else {
            answers.values.push(value);
            answers.rows.push(row);
        }
    }
    return answers;
}

function lastLine(table: DataTable, rows: readonly number[]): number | undefined {
    return rows.length > 0 ? table.lines?.[rows[rows.length - 1]] : undefined;
}
