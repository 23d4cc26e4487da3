/** A bad config file, option or override: pytest's UsageError, exit code 4. One line. */
export class ConfigError extends Error {
  readonly exitCode = 4;
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' ').trim());
    this.name = 'ConfigError';
  }
}
