// The runner stage: worker pool, units, Python discovery.
export { PrestartedWorkers } from './prestart.js';
export {
  FORK_AVAILABLE,
  KeptWarmParent,
  WarmParent,
  WarmRun,
  readWarmParentRecord,
  warmParentSetting,
  warmParentWanted,
  writeWarmParentRecord,
  type WarmUse,
} from './warm.js';
export {
  runUnits,
  pycacheDir,
  SESSION_TEARDOWN,
  type RunOptions,
  type RunEvents,
  type UnitCollected,
  type RunSummary,
  type UnitDoneInfo,
  type WorkerInfo,
} from './pool.js';
export { makeUnits, passFiles, unitsInItemOrder, type FileSelection } from './schedule.js';
export {
  COLD_WORKER_SECONDS,
  estimatedTestSeconds,
  listedModuleSeconds,
  readRunCost,
  recordedTestSeconds,
  workersWorthStarting,
  writeRunCost,
  type ExpectedSeconds,
  type MeasuredCost,
  type RunCost,
} from './run-cost.js';
export { findPython, checkPython, keepStdinFromWorkers, runtimePythonPath } from './python.js';
export { checkPythonRemembered } from './python-check.js';
export { RunnerError } from './errors.js';
export { testEnvironment } from './environment.js';
export { CollectionTruth, filesUnder, type TruthInput } from './truth.js';
