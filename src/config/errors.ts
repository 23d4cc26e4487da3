/**
 * A bad config file, option or override: pytest's UsageError, exit code 4, or, where pytest lets
 * Python's exception out of its main (a missing `-c` file, `addopts` shlex cannot split), exit 1;
 * where its collection meets it (`python_files`), exit 2. One line.
 */
export class ConfigError extends Error {
  /** `blankLine`: pytest raises it as a UsageError from its own main, which prints a blank line after. */
  constructor(
    message: string,
    readonly blankLine = false,
    readonly exitCode: 1 | 2 | 4 = 4,
  ) {
    super(message.replace(/\s*\n\s*/g, ' ').trim());
    this.name = 'ConfigError';
  }
}
