/** A bad config file, option or override: pytest's UsageError, exit code 4. One line. */
export class ConfigError extends Error {
  readonly exitCode = 4;
  /** `blankLine`: pytest raises it as a UsageError from its own main, which prints a blank line after. */
  constructor(
    message: string,
    readonly blankLine = false,
  ) {
    super(message.replace(/\s*\n\s*/g, ' ').trim());
    this.name = 'ConfigError';
  }
}
