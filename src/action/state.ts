// Names under which the main step hands work to the post step (core.saveState / core.getState).
export const STATE = {
  /** Set by every main step: the same bundle then knows it runs as the post step. */
  isPost: 'fastest-is-post',
  /** JSON CacheEntryRef of the discovery cache to save (plan, on a miss). */
  discoverySave: 'fastest-discovery-save',
  /** JSON CacheEntryRef of the timings store to save (merge, default branch). */
  timingsSave: 'fastest-timings-save',
  /** JSON CacheEntryRef of this attempt's results of a shard (run; previous-attempt.ts). */
  attemptSave: 'fastest-attempt-save',
  workspace: 'fastest-workspace',
  /** JSON CacheEntryRef of a run job's `.fastest` state to save (run, default branch). */
  runStateSave: 'fastest-run-state-save',
} as const;
