/**
 * `journeymap render big.journey -f json | head -1`: when the reader of standard output goes
 * away, the command ends quietly with status 0, as `git log | head` does, instead of a stack
 * trace of the failed write.
 */
export function endQuietlyWhenOutputCloses(stream: NodeJS.WriteStream = process.stdout): void {
    stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        process.exit(0);
    });
}
