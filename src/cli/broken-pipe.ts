// `fastest … | head`: once the reader is gone, writes to stdout fail with EPIPE. pytest then stops
// quietly with exit code 1 (Python's BrokenPipeError), and so does fastest, instead of a stack trace.
export function exitQuietlyOnBrokenPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(1);
  });
}
