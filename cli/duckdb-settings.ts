import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * How the CLI's DuckDB runs. A log larger than memory spills to the system's temporary folder
 * (DuckDB's default, `.tmp` in the current folder, would leave files in the user's repository);
 * the memory limit stays DuckDB's (80 % of the machine), which a 2 GB log needs.
 */
export function duckDbSettings(): Record<string, string> {
    return { temp_directory: join(tmpdir(), 'journeymap-duckdb') };
}
