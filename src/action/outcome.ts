// What a role hands back to main.ts, which alone writes it: the step's outputs, the state the post
// step reads, the job summary and the step's failure. Roles log (core.info, core.warning) as they go.

export interface RoleOutcome {
  exitCode: number;
  outputs: Record<string, string>;
  /** Values for the post step, by STATE name. */
  state: Record<string, string>;
  /** Markdown for the job summary. */
  summary?: string;
  /** The step fails with this message when set. */
  failure?: string;
}
