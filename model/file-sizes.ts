/** File sizes in words, the same in the CLI's messages and the language server's diagnostics. */

/** `5.0 MB`. */
export function formatMegabytes(bytes: number): string {
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `12 KB` below a megabyte, `7.2 MB` from there on. */
export function formatSize(bytes: number): string {
    return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : formatMegabytes(bytes);
}
