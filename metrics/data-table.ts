import { parse as parseCsvSync } from 'csv-parse/sync';
import { parquetMetadata, parquetRead } from 'hyparquet';

/**
 * A data source read into memory, column by column: a survey export of a million answers is
 * four arrays, not a million row objects. Every cell is kept as text ('' for none), and a
 * column's repeated values (steps, weeks, scores) are one string each.
 */
export interface DataTable {
    columns: string[];
    rowCount: number;
    /** The cells of each column, one per row. */
    cells: ReadonlyMap<string, readonly string[]>;
    /** For CSV: the 1-based line of each row in the file (a row across lines: its last), to open the file there. */
    lines?: readonly number[];
}

/** The cell of one row, '' when the row has none or the table no such column. */
export function cellOf(table: DataTable, column: string, row: number): string {
    return table.cells.get(column)?.[row] ?? '';
}

/** One row as a record of its cells, for messages and tests. */
export function rowOf(table: DataTable, row: number): Record<string, string> {
    return Object.fromEntries(table.columns.map(column => [column, cellOf(table, column, row)]));
}

/**
 * Reads CSV (header row; `,` or `;`; quoted fields; BOM), JSON (an array of records) or
 * Parquet (bytes). Rejects with an Error whose message says what is wrong with the file.
 */
export async function parseDataTable(content: string | Uint8Array, fileName: string): Promise<DataTable> {
    if (isBinaryDataFile(fileName))
        return parseParquetTable(typeof content === 'string' ? new TextEncoder().encode(content) : content);
    const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
    return fileName.toLowerCase().endsWith('.json') ? parseJsonTable(text) : parseCsvTable(text);
}

/**
 * Only the column names of a data file: the header of a CSV, the schema of a Parquet file, the
 * keys of a JSON file's first record. What the editor checks an event log's columns against
 * without reading its rows.
 */
export function dataFileColumns(content: string | Uint8Array, fileName: string): string[] {
    if (isBinaryDataFile(fileName)) {
        const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
        return parquetColumns(
            parquetMetadataOf(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
        );
    }
    const text = (typeof content === 'string' ? content : new TextDecoder().decode(content)).replace(/^\uFEFF/, '');
    if (fileName.toLowerCase().endsWith('.json')) {
        const [first] = JSON.parse(text) as Array<Record<string, unknown>>;
        return first && typeof first === 'object' ? Object.keys(first) : [];
    }
    for (let start = 0; start < text.length;) {
        const end = text.indexOf('\n', start);
        const line = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
        if (line.trim() !== '' && !line.startsWith('#')) return csvCells(line).map(cell => cell.trim());
        start = end < 0 ? text.length : end + 1;
    }
    throw new Error('the CSV file is empty: it needs a header row');
}

/** Whether a data file is read as bytes (Parquet) rather than text. */
export function isBinaryDataFile(fileName: string): boolean {
    return fileName.toLowerCase().endsWith('.parquet');
}

/** Builds a table column by column, one string per distinct value of a column. */
class ColumnBuilder {
    readonly cells = new Map<string, string[]>();
    private readonly distinct = new Map<string, Map<string, string>>();
    private lines: number[];
    rowCount = 0;

    /**
     * `expectedRows`, when known, sizes the columns once: growing arrays of a million cells
     * step by step leaves each of their earlier copies behind, a hundred megabytes of garbage.
     */
    constructor(readonly columns: string[], expectedRows = 0) {
        for (const column of columns) {
            this.cells.set(column, new Array<string>(expectedRows));
            this.distinct.set(column, new Map());
        }
        this.lines = new Array<number>(expectedRows);
    }

    addRow(cells: readonly string[], line?: number): void {
        for (let index = 0; index < this.columns.length; index++) {
            const column = this.columns[index];
            this.cells.get(column)![this.rowCount] = this.shared(column, (cells[index] ?? '').trim());
        }
        if (line !== undefined) this.lines[this.rowCount] = line;
        this.rowCount++;
    }

    /** A line without quotes, its cells cut straight out of the file's text: no line string, no array per row. */
    addCellsOf(text: string, start: number, end: number, line: number): void {
        let cellStart = start;
        let index = 0;
        for (let at = start; at <= end && index < this.columns.length; at++) {
            const code = at < end ? text.charCodeAt(at) : 44;
            if (code !== 44 && code !== 59) continue; // `,` and `;`
            const column = this.columns[index++];
            this.cells.get(column)![this.rowCount] = this.shared(column, text.slice(cellStart, at).trim());
            cellStart = at + 1;
        }
        for (; index < this.columns.length; index++) this.cells.get(this.columns[index])![this.rowCount] = '';
        this.lines[this.rowCount] = line;
        this.rowCount++;
    }

    private shared(column: string, cell: string): string {
        const values = this.distinct.get(column)!;
        const known = values.get(cell);
        if (known !== undefined) return known;
        // A new value is copied out of the file's text, which a slice of it would keep alive as long as the table.
        const own = cell.length > 12 ? flatCopy(cell) : cell;
        values.set(own, own);
        return own;
    }

    table(withLines: boolean): DataTable {
        // Sized for every line of the file: blank lines and rows across lines leave some unused.
        for (const cells of this.cells.values()) cells.length = this.rowCount;
        this.lines.length = this.rowCount;
        return {
            columns: this.columns,
            rowCount: this.rowCount,
            cells: this.cells,
            lines: withLines ? this.lines : undefined
        };
    }
}

/** A string of its own, not a view into a larger one. */
function flatCopy(text: string): string {
    return JSON.parse(JSON.stringify(text)) as string;
}

/** Work between two turns of the event loop, so a language server reading a 100 MB export keeps answering. */
const sliceMilliseconds = 20;

/**
 * CSV, line by line: a line without a quote is split on its own (most lines of an export);
 * a record with quotes, which may run over several lines, goes to csv-parse whole.
 */
async function parseCsvTable(source: string): Promise<DataTable> {
    const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
    const lines = new LineReader(text);
    const textOf = (record: { text?: string; start: number; end: number }) =>
        record.text ?? text.slice(record.start, record.end);
    let header = lines.nextRecord();
    // `# pulled from queries/funnel.sql …`: the lines `journeymap data pull` writes above a snapshot's header.
    while (header && textOf(header).startsWith('#')) header = lines.nextRecord();
    if (!header) throw new Error('the CSV file is empty: it needs a header row');
    // At most a few million slots ahead: V8 keeps larger preallocated arrays as slow dictionaries.
    const builder = new ColumnBuilder(
        csvCells(textOf(header)).map(cell => cell.trim()),
        Math.min(lineCount(text), 4_000_000)
    );
    let sliceStart = Date.now();
    for (let record = lines.nextRecord(); record; record = lines.nextRecord()) {
        if (record.text === undefined) builder.addCellsOf(text, record.start, record.end, record.line);
        else builder.addRow(csvCells(record.text), record.line);
        if ((builder.rowCount & 4095) === 0 && Date.now() - sliceStart > sliceMilliseconds) {
            await new Promise(resolve => setTimeout(resolve, 0));
            sliceStart = Date.now();
        }
    }
    return builder.table(true);
}

/** The records of CSV text: each a line, or the lines a quoted field spans; empty lines skipped. */
class LineReader {
    private offset = 0;
    private line = 0;
    /** Where the next quote at or after `offset` is (-1: none left): searched once per quote, not once per line. */
    private nextQuote = -2;

    constructor(private readonly text: string) {}

    /**
     * The next record: a line without quotes as its place in the text (most lines of an
     * export: its cells are cut out of the text directly), one with quotes as its text.
     */
    nextRecord(): { text?: string; start: number; end: number; line: number } | undefined {
        for (;;) {
            const start = this.offset;
            const end = this.nextLineEnd();
            if (end === undefined) return undefined;
            if (end === start) continue;
            if (this.nextQuote !== -1 && this.nextQuote < start) this.nextQuote = this.text.indexOf('"', start);
            if (this.nextQuote < 0 || this.nextQuote >= end) return { start, end, line: this.line };
            let record = this.text.slice(start, end);
            // An odd number of quotes: a quoted field goes on over the next line.
            while (quoteCount(record) % 2 === 1) {
                const from = this.offset;
                const more = this.nextLineEnd();
                if (more === undefined) break; // csv-parse reports the quote left open
                record += '\n' + this.text.slice(from, more);
            }
            return { text: record, start, end, line: this.line };
        }
    }

    /** Moves past the next line; where its text ends (before `\r\n` or `\n`), or undefined at the end. */
    private nextLineEnd(): number | undefined {
        if (this.offset >= this.text.length) return undefined;
        let end = this.text.indexOf('\n', this.offset);
        if (end < 0) end = this.text.length;
        const textEnd = end > this.offset && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end;
        this.offset = end + 1;
        this.line++;
        return textEnd;
    }
}

/** How many lines the text has, at most how many rows it holds. */
function lineCount(text: string): number {
    let count = 1;
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count++;
    return count;
}

function quoteCount(text: string): number {
    let count = 0;
    for (let index = text.indexOf('"'); index >= 0; index = text.indexOf('"', index + 1)) count++;
    return count;
}

const delimiter = /[,;]/;

/**
 * The cells of one record: split directly when it has no quotes; with quotes, fields in
 * RFC 4180 quoting (`"said ""slow"", then"`) are read here, and anything else (a quote
 * inside an unquoted field, one left open) goes to csv-parse, which explains the mistake.
 */
function csvCells(record: string): string[] {
    if (!record.includes('"')) return record.split(delimiter);
    return quotedCells(record) ?? strictCells(record);
}

/** Cells of a record with quoted fields; undefined when the quoting is not the plain kind. */
function quotedCells(record: string): string[] | undefined {
    const cells: string[] = [];
    let offset = 0;
    for (;;) {
        while (record[offset] === ' ' || record[offset] === '\t') offset++;
        if (record[offset] === '"') {
            let cell = '';
            let at = offset + 1;
            for (;;) {
                const quote = record.indexOf('"', at);
                if (quote < 0) return undefined;
                cell += record.slice(at, quote);
                if (record[quote + 1] === '"') {
                    cell += '"';
                    at = quote + 2;
                    continue;
                }
                offset = quote + 1;
                break;
            }
            while (record[offset] === ' ' || record[offset] === '\t') offset++;
            cells.push(cell);
            if (offset >= record.length) return cells;
            if (record[offset] !== ',' && record[offset] !== ';') return undefined;
            offset++;
        } else {
            const match = delimiter.exec(record.slice(offset));
            const end = match ? offset + match.index : record.length;
            const cell = record.slice(offset, end);
            if (cell.includes('"')) return undefined;
            cells.push(cell);
            if (!match) return cells;
            offset = end + 1;
        }
    }
}

function strictCells(record: string): string[] {
    const [cells] = parseCsvSync(record, { delimiter: [',', ';'], relax_column_count: true, trim: true }) as string[][];
    return cells ?? [];
}

function parseJsonTable(text: string): DataTable {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (
        !Array.isArray(value) ||
        !value.every(item => typeof item === 'object' && item !== null && !Array.isArray(item))
    ) {
        throw new Error('a JSON data source must be an array of records (objects)');
    }
    const builder = new ColumnBuilder([...new Set(value.flatMap(record => Object.keys(record)))]);
    for (const record of value as Array<Record<string, unknown>>) {
        builder.addRow(builder.columns.map(column => cellText(record[column])));
    }
    return builder.table(false);
}

function parquetMetadataOf(file: ArrayBuffer): ReturnType<typeof parquetMetadata> {
    try {
        return parquetMetadata(file);
    } catch (error) {
        throw new Error(`not a readable Parquet file (${reason(error)})`, { cause: error });
    }
}

function parquetColumns(metadata: ReturnType<typeof parquetMetadata>): string[] {
    return metadata.schema.slice(1).filter(element => element.num_children === undefined).map(element => element.name);
}

/**
 * Parquet through hyparquet (pure JavaScript, so the web extension reads it too), column
 * chunk by column chunk. A corrupt file, or one compressed with a codec hyparquet does not
 * bundle, is an Error with hyparquet's reason.
 */
async function parseParquetTable(bytes: Uint8Array): Promise<DataTable> {
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const metadata = parquetMetadataOf(file);
    const columns = parquetColumns(metadata);
    const rowCount = Number(metadata.num_rows);
    const cells = new Map(columns.map(column => [column, new Array<string>(rowCount).fill('')]));
    try {
        await parquetRead({
            file, metadata,
            onChunk: chunk => {
                const target = cells.get(chunk.columnName);
                if (!target) return;
                for (let row = chunk.rowStart; row < chunk.rowEnd && row < rowCount; row++)
                    target[row] = cellText(chunk.columnData[row - chunk.rowStart]);
            }
        });
    } catch (error) {
        throw new Error(`cannot read this Parquet file (${reason(error)})`, { cause: error });
    }
    return { columns, rowCount, cells };
}

function reason(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/** A JSON or Parquet value as the text of a cell: nothing for null, numbers and booleans as written, dates as ISO. */
function cellText(value: unknown): string {
    if (value === null || value === undefined) return '';
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'object')
        return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? Number(inner) : inner));
    return String(value);
}

/** A cell as a number: plain decimals, also with a trailing `%` or thousands separators. */
export function numericCell(cell: string): number | undefined {
    const cleaned = cell.trim().replace(/%$/, '').replace(/(\d),(?=\d{3}\b)/g, '$1');
    if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) {
        return undefined;
    }
    return Number(cleaned);
}
