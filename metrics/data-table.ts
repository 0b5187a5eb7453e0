import { parse } from 'csv-parse';

/** A data source read into memory: column names and rows of cells, all kept as text. */
export interface DataTable {
    columns: string[];
    rows: Array<Record<string, string>>;
    /** For CSV: the 1-based line of each row in the file, to open the file there. */
    lines?: number[];
}

/** CSV text is fed to the parser in pieces this large, with a pause between them. */
const csvChunkLength = 256 * 1024;

/**
 * Reads CSV (header row; `,` or `;`; quoted fields; BOM) or JSON (an array of records).
 * Rejects with an Error whose message says what is wrong with the file. A large CSV is
 * parsed piece by piece, giving the event loop a turn between pieces, so a language
 * server reading a 100 MB export keeps answering meanwhile.
 */
export async function parseDataTable(text: string, fileName: string): Promise<DataTable> {
    return fileName.toLowerCase().endsWith('.json') ? parseJsonTable(text) : parseCsvTable(text);
}

async function parseCsvTable(text: string): Promise<DataTable> {
    const records = await parseCsvRecords(text);
    const [header, ...body] = records;
    if (!header) {
        throw new Error('the CSV file is empty: it needs a header row');
    }
    const columns = header.record;
    const rows = body.map(({ record }) => Object.fromEntries(columns.map((column, index) => [column, record[index] ?? ''])));
    return { columns, rows, lines: body.map(({ info }) => info.lines) };
}

function parseCsvRecords(text: string): Promise<Array<{ record: string[]; info: { lines: number } }>> {
    return new Promise((resolve, reject) => {
        const records: Array<{ record: string[]; info: { lines: number } }> = [];
        const parser = parse({ bom: true, delimiter: [',', ';'], skip_empty_lines: true, relax_column_count: true, trim: true, info: true });
        parser.on('readable', () => {
            for (let record = parser.read(); record !== null; record = parser.read()) records.push(record);
        });
        parser.on('error', reject);
        parser.on('end', () => resolve(records));
        const feed = (offset: number): void => {
            if (offset >= text.length) {
                parser.end();
                return;
            }
            parser.write(text.slice(offset, offset + csvChunkLength));
            setTimeout(() => feed(offset + csvChunkLength), 0);
        };
        feed(0);
    });
}

function parseJsonTable(text: string): DataTable {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (!Array.isArray(value) || !value.every(item => typeof item === 'object' && item !== null && !Array.isArray(item))) {
        throw new Error('a JSON data source must be an array of records (objects)');
    }
    const columns = [...new Set(value.flatMap(record => Object.keys(record)))];
    const rows = value.map(record => Object.fromEntries(Object.entries(record).map(([key, cell]) => [key, cell === null ? '' : String(cell)])));
    return { columns, rows };
}

/** A cell as a number: plain decimals, also with a trailing `%` or thousands separators. */
export function numericCell(cell: string): number | undefined {
    const cleaned = cell.trim().replace(/%$/, '').replace(/(\d),(?=\d{3}\b)/g, '$1');
    if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) {
        return undefined;
    }
    return Number(cleaned);
}
