/** The runner could not do its job (no usable Python, a worker that cannot start, bad pytest args). */
export class RunnerError extends Error {
  /** pytest's exit code: 3 internal error, 4 usage error. */
  readonly exitCode: number;
  /** The message is pytest's own text, to print as it is (else it is one line, said as fastest's). */
  readonly verbatim: boolean;
  constructor(message: string, exitCode = 3, verbatim = false) {
    super(verbatim ? message : message.replace(/\s*\n\s*/g, ' ').trim());
    this.name = 'RunnerError';
    this.exitCode = exitCode;
    this.verbatim = verbatim;
  }
}
