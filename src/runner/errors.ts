/** The runner could not do its job (no usable Python, a worker that cannot start, bad pytest args). */
export class RunnerError extends Error {
  /** pytest's exit code: 3 internal error, 4 usage error. */
  readonly exitCode: number;
  constructor(message: string, exitCode = 3) {
    super(message.replace(/\s*\n\s*/g, ' ').trim());
    this.name = 'RunnerError';
    this.exitCode = exitCode;
  }
}
