// Command-line parsing for every command: pytest's flag names (`-xvs`, `-k EXPR`, `-kEXPR`,
// `--flag=value`) for a run and `discover`, and the flags of `plan` and `merge`, in one table.
import { addReport, contextValue, defaultCoverageOptions, failUnderValue, type CoverageOptions } from '../coverage/options.js';
import { pluginOptionRoute, routedByName, type Arity, type Route } from './pytest-options.js';
import { ExitCode } from '../types.js';
import { FAIL_ON_VALUES, type FailOn } from '../merge/verdict.js';
import { CiShardError, shardFromCiEnv } from '../shard/ci-env.js';
import { loggedEnv } from '../memo/inputs.js';
import { BASETEMP_REFUSED, basetempRefused } from '../runner/basetemp.js';

export class UsageError extends Error {
  readonly exitCode = ExitCode.USAGE_ERROR;
}

export interface CliOptions {
  command: 'run' | 'discover' | 'plan' | 'merge' | 'watch';
  /** Positional arguments: paths and node ids. */
  paths: string[];
  keyword: string | null;
  markexpr: string | null;
  maxfail: number;
  verbosity: number;
  capture: 'fd' | 'sys' | 'no';
  workers: number | 'auto' | null;
  /** pytest-xdist's --dist: loadscope and loadfile keep each module's tests on one worker. */
  dist: XdistMode | null;
  junitxml: string | null;
  junitPrefix: string | null;
  json: string | null;
  jsonOutput: boolean;
  timeout: number | null;
  /** pytest-rerunfailures' options, which fastest implements (src/cli/reruns.ts): null when not given. */
  reruns: number | null;
  rerunsDelay: number | null;
  rerunsDelayBackoffFactor: number | null;
  onlyRerun: string[];
  rerunExcept: string[];
  lastFailed: boolean;
  failedFirst: boolean;
  durations: number | null;
  /** --durations-min; null: pytest's default (0.005, or 0 with -vv). */
  durationsMin: number | null;
  engine: 'auto' | 'native' | 'pytest';
  python: string | null;
  /** `source`: the CI variables `--shard auto` read the shard from. */
  shard: { index: number; total: number | null; source?: string } | null;
  plan: string | null;
  ignore: string[];
  ignoreGlob: string[];
  deselect: string[];
  overrides: string[];
  /** pytest-asyncio's --asyncio-mode, applied as the last ini override. */
  asyncioMode: 'auto' | 'strict' | null;
  configFile: string | null;
  rootdir: string | null;
  importMode: string | null;
  plugins: string[];
  warningFilters: string[];
  reportChars: string | null;
  tb: string | null;
  collectOnly: boolean;
  continueOnCollectionErrors: boolean;
  strictMarkers: boolean;
  noCache: boolean;
  cacheClear: boolean;
  color: 'yes' | 'no' | 'auto';
  runxfail: boolean;
  disableWarnings: boolean;
  noHeader: boolean;
  /** A line per module: which engine ran it, and why not the native one. */
  showEngines: boolean;
  basetemp: string | null;
  help: boolean;
  version: boolean;
  /** Arguments the pytest engine must see as pytest would (plugins, warnings, ini overrides...). */
  pytestArgs: string[];
  /** --strict-config (pytest 9: the strict_config ini). */
  strictConfig: boolean;
  collectInVirtualenv: boolean;
  showCapture: 'no' | 'stdout' | 'stderr' | 'log' | 'all';
  /** pytest options fastest does not do itself, each with where it sends the run (first use each). */
  routes: { option: string; route: Route }[];
  /** `plan --shards N|auto`. */
  shards: number | 'auto' | null;
  /** `plan --target-seconds S`, `--job-overhead-seconds S`. */
  targetSeconds: number | null;
  jobOverheadSeconds: number | null;
  /** `plan`/`merge`/`--shard K/N --timings FILE`: the timings store read. */
  timings: string | null;
  /** `plan --out`: the plan file; `merge --out`: the merged JUnit file. */
  out: string | null;
  /** `plan --matrix`: print the Actions matrix JSON. */
  matrix: boolean;
  /** `merge --summary FILE`: the Markdown summary. */
  summary: string | null;
  /** `merge --timings-out FILE`: where the learned timings store goes. */
  timingsOut: string | null;
  /** `merge --fail-on any|new`: which failures fail the merge (merge/verdict.ts). */
  failOn: FailOn;
  /** pytest-cov's options (`--cov`...), which fastest implements with coverage.py. */
  coverage: CoverageOptions;
  /** `--changed [REF]`: run the tests the working tree's changes (and REF...HEAD's) can affect. */
  changed: { ref: string | null } | null;
  /** `--affected-by PATH...`: run the tests these files' changes can affect. */
  affectedBy: string[] | null;
}

export type Command = CliOptions['command'];

export function defaultOptions(): CliOptions {
  return {
    command: 'run',
    paths: [],
    keyword: null,
    markexpr: null,
    maxfail: 0,
    verbosity: 0,
    capture: 'fd',
    workers: null,
    dist: null,
    junitxml: null,
    junitPrefix: null,
    json: null,
    jsonOutput: false,
    timeout: null,
    reruns: null,
    rerunsDelay: null,
    rerunsDelayBackoffFactor: null,
    onlyRerun: [],
    rerunExcept: [],
    lastFailed: false,
    failedFirst: false,
    durations: null,
    durationsMin: null,
    engine: 'auto',
    python: null,
    shard: null,
    plan: null,
    ignore: [],
    ignoreGlob: [],
    deselect: [],
    overrides: [],
    asyncioMode: null,
    configFile: null,
    rootdir: null,
    importMode: null,
    plugins: [],
    warningFilters: [],
    reportChars: null,
    tb: null,
    collectOnly: false,
    continueOnCollectionErrors: false,
    strictMarkers: false,
    noCache: false,
    cacheClear: false,
    color: 'auto',
    runxfail: false,
    disableWarnings: false,
    noHeader: false,
    showEngines: false,
    basetemp: null,
    help: false,
    version: false,
    pytestArgs: [],
    strictConfig: false,
    collectInVirtualenv: false,
    showCapture: 'all',
    routes: [],
    coverage: defaultCoverageOptions(),
    changed: null,
    affectedBy: null,
    shards: null,
    targetSeconds: null,
    jobOverheadSeconds: null,
    timings: null,
    out: null,
    matrix: false,
    summary: null,
    timingsOut: null,
    failOn: 'any',
  };
}

type Apply = (o: CliOptions, value: string, flag: string, values: string[]) => void;
interface FlagSpec {
  names: string[];
  /** Takes a value (`-k EXPR`, `--maxfail=2`). */
  value: boolean;
  /** As argparse's nargs: '?' takes the next argument unless it looks like an option; '+' every such argument. */
  nargs?: '?' | '+';
  apply: Apply;
  /** Forward the flag (and its value) to the pytest engine as given. */
  forward?: boolean;
  /** The commands that take the flag; default: a run and `discover` (SESSION_COMMANDS). */
  commands?: readonly Command[];
  /** The value may be left out (argparse's nargs='?': `--cov`, `--cov=pkg`, `--cov pkg`). */
  optional?: (o: CliOptions, value: string | undefined, flag: string) => void;
}

/** pytest-cov: a `--cov…` option after `--no-cov` makes it warn. */
function covOption(o: CliOptions): CoverageOptions {
  if (o.coverage.noCov) o.coverage.noCovShouldWarn = true;
  return o.coverage;
}

/** The commands that open a session with pytest's options (argv, config, discovery, selection). */
const SESSION_COMMANDS: readonly Command[] = ['run', 'discover', 'watch'];

function intValue(flag: string, value: string, min = 0): number {
  if (!/^-?\d+$/.test(value) || Number(value) < min) throw new UsageError(`argument ${flag}: invalid int value: '${value}'`);
  return Number(value);
}

function floatValue(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`argument ${flag}: invalid float value: '${value}'`);
  return n;
}

function positiveSeconds(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} expects a positive number of seconds, got '${value}'`);
  return n;
}

function shardCount(flag: string, value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 256) return Number(value);
  throw new UsageError(`${flag} expects a number from 1 to 256 or 'auto', got '${value}'`);
}

/** Where `option` sends the run, unless it already said so. */
export function addRoute(o: CliOptions, option: string, route: Route): void {
  if (!o.routes.some((r) => r.option === option)) o.routes.push({ option, route });
}

const XDIST_MODES = ['each', 'load', 'loadscope', 'loadfile', 'loadgroup', 'worksteal', 'no'] as const;
export type XdistMode = (typeof XDIST_MODES)[number];

function choice<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`argument ${flag}: invalid choice: '${value}' (choose from ${choices.map((c) => `'${c}'`).join(', ')})`);
  }
  return value as T;
}

const FLAGS: FlagSpec[] = [
  {
    names: ['-k'],
    value: true,
    apply: (o, v) => {
      o.keyword = v;
    },
  },
  {
    names: ['-m'],
    value: true,
    apply: (o, v) => {
      o.markexpr = v;
    },
  },
  {
    names: ['-x', '--exitfirst'],
    value: false,
    apply: (o) => {
      o.maxfail = 1;
    },
  },
  {
    names: ['--maxfail'],
    value: true,
    apply: (o, v, f) => {
      // pytest stops once its failures reach the value: a negative one at the first failure
      const maxfail = intValue(f, v, Number.MIN_SAFE_INTEGER);
      o.maxfail = maxfail < 0 ? 1 : maxfail;
    },
  },
  {
    names: ['-v', '--verbose'],
    value: false,
    apply: (o) => {
      o.verbosity += 1;
    },
  },
  {
    names: ['-q', '--quiet'],
    value: false,
    apply: (o) => {
      o.verbosity -= 1;
    },
  },
  {
    names: ['--verbosity'],
    value: true,
    apply: (o, v, f) => {
      o.verbosity = intValue(f, v, -10);
    },
  },
  {
    names: ['-s'],
    value: false,
    apply: (o) => {
      o.capture = 'no';
    },
    forward: true,
  },
  {
    names: ['--capture'],
    value: true,
    forward: true,
    apply: (o, v, f) => {
      const c = choice(f, v, ['fd', 'sys', 'no', 'tee-sys'] as const);
      o.capture = c === 'tee-sys' ? 'sys' : c;
      // tee-sys both captures and passes output through as each test prints it: real pytest runs
      // the session (workers would report it per module, out of pytest's order).
      if (c === 'tee-sys') addRoute(o, '--capture=tee-sys', 'session');
    },
  },
  {
    names: ['-n', '--numprocesses'],
    value: true,
    apply: (o, v, f) => {
      o.workers = v === 'auto' || v === 'logical' ? 'auto' : intValue(f, v);
    },
  },
  {
    // fastest's workers take whole modules (a long one cut into runs of whole classes), as xdist's
    // load, loadscope, loadfile and worksteal keep a scope's tests on one worker; loadscope and
    // loadfile also keep a long module whole. `each` (every test on every worker) and
    // `loadgroup` (xdist_group marks across modules) are real pytest's session.
    names: ['--dist'],
    value: true,
    apply: (o, v, f) => {
      o.dist = choice(f, v, XDIST_MODES);
      if (o.dist === 'each' || o.dist === 'loadgroup') addRoute(o, '--dist', 'session');
    },
  },
  {
    names: ['--junitxml', '--junit-xml'],
    value: true,
    apply: (o, v) => {
      o.junitxml = v;
    },
  },
  {
    names: ['--junit-prefix', '--junitprefix'],
    value: true,
    apply: (o, v) => {
      o.junitPrefix = v;
    },
  },
  {
    names: ['--json'],
    value: true,
    apply: (o, v) => {
      o.json = v;
    },
  },
  {
    names: ['--timeout'],
    value: true,
    apply: (o, v, f) => {
      o.timeout = floatValue(f, v);
    },
  },
  {
    names: ['--reruns'],
    value: true,
    apply: (o, v, f) => {
      o.reruns = intValue(f, v, Number.MIN_SAFE_INTEGER);
    },
  },
  {
    names: ['--reruns-delay'],
    value: true,
    apply: (o, v, f) => {
      o.rerunsDelay = floatValue(f, v);
    },
  },
  {
    names: ['--reruns-delay-backoff-factor'],
    value: true,
    apply: (o, v, f) => {
      o.rerunsDelayBackoffFactor = floatValue(f, v);
    },
  },
  {
    names: ['--only-rerun'],
    value: true,
    apply: (o, v) => {
      o.onlyRerun.push(v);
    },
  },
  {
    names: ['--rerun-except'],
    value: true,
    apply: (o, v) => {
      o.rerunExcept.push(v);
    },
  },
  {
    names: ['--lf', '--last-failed'],
    value: false,
    apply: (o) => {
      o.lastFailed = true;
    },
  },
  {
    names: ['--ff', '--failed-first'],
    value: false,
    apply: (o) => {
      o.failedFirst = true;
    },
  },
  {
    names: ['--durations'],
    value: true,
    apply: (o, v, f) => {
      // a negative N leaves out the last -N entries (pytest's `dlist[:N]`)
      o.durations = intValue(f, v, Number.MIN_SAFE_INTEGER);
    },
  },
  {
    names: ['--durations-min'],
    value: true,
    apply: (o, v, f) => {
      o.durationsMin = floatValue(f, v);
    },
  },
  {
    names: ['--engine'],
    value: true,
    apply: (o, v, f) => {
      o.engine = choice(f, v, ['auto', 'native', 'pytest'] as const);
    },
  },
  {
    names: ['--python'],
    value: true,
    commands: [...SESSION_COMMANDS, 'merge'],
    apply: (o, v) => {
      o.python = v;
    },
  },
  {
    names: ['--shard'],
    value: true,
    apply: (o, v, f) => {
      o.shard = parseShard(f, v);
    },
  },
  {
    names: ['--plan'],
    value: true,
    commands: [...SESSION_COMMANDS, 'merge'],
    apply: (o, v) => {
      o.plan = v;
    },
  },
  {
    names: ['--ignore'],
    value: true,
    apply: (o, v) => {
      o.ignore.push(v);
    },
  },
  {
    names: ['--ignore-glob'],
    value: true,
    apply: (o, v) => {
      o.ignoreGlob.push(v);
    },
  },
  {
    names: ['--deselect'],
    value: true,
    apply: (o, v) => {
      o.deselect.push(v);
    },
  },
  {
    names: ['-o', '--override-ini'],
    value: true,
    forward: true,
    apply: (o, v) => {
      o.overrides.push(v);
    },
  },
  {
    names: ['-c', '--config-file'],
    value: true,
    forward: true,
    apply: (o, v) => {
      o.configFile = v;
    },
  },
  {
    names: ['--rootdir'],
    value: true,
    forward: true,
    apply: (o, v) => {
      o.rootdir = v;
    },
  },
  {
    names: ['--import-mode'],
    value: true,
    forward: true,
    apply: (o, v, f) => {
      o.importMode = choice(f, v, ['prepend', 'append', 'importlib'] as const);
    },
  },
  {
    names: ['-p'],
    value: true,
    forward: true,
    apply: (o, v) => {
      o.plugins.push(v);
    },
  },
  {
    names: ['-W', '--pythonwarnings'],
    value: true,
    forward: true,
    apply: (o, v) => {
      o.warningFilters.push(v);
    },
  },
  {
    names: ['-r'],
    value: true,
    apply: (o, v) => {
      o.reportChars = v;
    },
  },
  {
    names: ['--tb'],
    value: true,
    forward: true,
    apply: (o, v, f) => {
      o.tb = choice(f, v, ['auto', 'long', 'short', 'no', 'line', 'native'] as const);
      // pytest's native traceback starts in its runner and goes through pluggy and its plugins'
      // hook wrappers: the pytest engine has those frames, the native engine its own.
      o.routes = o.routes.filter((r) => r.option !== '--tb=native');
      if (o.tb === 'native') o.routes.push({ option: '--tb=native', route: 'engine' });
    },
  },
  {
    names: ['--co', '--collect-only', '--collectonly'],
    value: false,
    apply: (o) => {
      o.collectOnly = true;
    },
  },
  {
    names: ['--continue-on-collection-errors'],
    value: false,
    apply: (o) => {
      o.continueOnCollectionErrors = true;
    },
  },
  {
    names: ['--strict-markers', '--strict'],
    value: false,
    forward: true,
    apply: (o) => {
      o.strictMarkers = true;
    },
  },
  // pytest-asyncio's flag: it wins over the ini whatever the order, so it becomes the last -o.
  {
    names: ['--asyncio-mode'],
    value: true,
    apply: (o, v, f) => {
      o.asyncioMode = choice(f, v, ['auto', 'strict'] as const);
    },
  },
  {
    names: ['--no-cache'],
    value: false,
    apply: (o) => {
      o.noCache = true;
    },
  },
  {
    names: ['--cache-clear'],
    value: false,
    apply: (o) => {
      o.cacheClear = true;
    },
  },
  {
    names: ['--color'],
    value: true,
    apply: (o, v, f) => {
      o.color = choice(f, v, ['yes', 'no', 'auto'] as const);
    },
  },
  {
    names: ['--runxfail'],
    value: false,
    forward: true,
    apply: (o) => {
      o.runxfail = true;
    },
  },
  {
    names: ['--disable-warnings', '--disable-pytest-warnings'],
    value: false,
    apply: (o) => {
      o.disableWarnings = true;
    },
  },
  {
    names: ['--no-header'],
    value: false,
    apply: (o) => {
      o.noHeader = true;
    },
  },
  {
    names: ['--show-engines'],
    value: false,
    apply: (o) => {
      o.showEngines = true;
    },
  },
  {
    names: ['--strict-config'],
    value: false,
    forward: true,
    apply: (o) => {
      o.strictConfig = true;
    },
  },
  {
    names: ['--collect-in-virtualenv'],
    value: false,
    forward: true,
    apply: (o) => {
      o.collectInVirtualenv = true;
    },
  },
  {
    names: ['--show-capture'],
    value: true,
    forward: true,
    apply: (o, v, f) => {
      o.showCapture = choice(f, v, ['no', 'stdout', 'stderr', 'log', 'all'] as const);
    },
  },
  {
    names: ['--basetemp'],
    value: true,
    forward: true,
    apply: (o, v, f) => {
      // (a worker's tmp_path would empty it: the project itself)
      if (basetempRefused(v, process.cwd())) throw new UsageError(`argument ${f}: ${BASETEMP_REFUSED}`);
      o.basetemp = v;
    },
  },
  // pytest-cov's options (coverage/options.ts): measured by fastest's workers with coverage.py
  {
    names: ['--cov'],
    value: false,
    apply: () => {},
    optional: (o, v) => {
      covOption(o).sources.push(v ?? true);
    },
  },
  {
    names: ['--cov-reset'],
    value: false,
    apply: (o) => {
      covOption(o).sources = [];
    },
  },
  {
    names: ['--cov-report'],
    value: true,
    commands: [...SESSION_COMMANDS, 'merge'],
    apply: (o, v, f) => {
      addReport(covOption(o), v, f);
    },
  },
  {
    names: ['--cov-config'],
    value: true,
    commands: [...SESSION_COMMANDS, 'merge'],
    apply: (o, v) => {
      covOption(o).config = v;
    },
  },
  {
    names: ['--cov-branch'],
    value: false,
    apply: (o) => {
      covOption(o).branch = true;
    },
  },
  {
    names: ['--cov-fail-under'],
    value: true,
    commands: [...SESSION_COMMANDS, 'merge'],
    apply: (o, v, f) => {
      covOption(o).failUnder = failUnderValue(v, f);
    },
  },
  {
    names: ['--cov-precision'],
    value: true,
    apply: (o, v, f) => {
      covOption(o).precision = intValue(f, v, -1000);
    },
  },
  {
    names: ['--cov-append'],
    value: false,
    apply: (o) => {
      covOption(o).append = true;
    },
  },
  {
    names: ['--cov-context'],
    value: true,
    apply: (o, v, f) => {
      covOption(o).context = contextValue(v, f);
    },
  },
  {
    names: ['--no-cov'],
    value: false,
    apply: (o) => {
      o.coverage.noCov = true;
    },
  },
  {
    names: ['--no-cov-on-fail'],
    value: false,
    apply: (o) => {
      o.coverage.noCovOnFail = true;
    },
  },
  {
    names: ['--changed'],
    value: false,
    nargs: '?',
    apply: (o, v) => {
      o.changed = { ref: v === '' ? null : v };
    },
  },
  {
    names: ['--affected-by'],
    value: false,
    nargs: '+',
    apply: (o, _v, _f, vs) => {
      o.affectedBy = [...(o.affectedBy ?? []), ...vs];
    },
  },
  {
    names: ['-h', '--help'],
    value: false,
    apply: (o) => {
      o.help = true;
    },
  },
  {
    names: ['-V', '--version'],
    value: false,
    apply: (o) => {
      o.version = true;
    },
  },
  // fastest plan and fastest merge
  {
    names: ['--shards'],
    value: true,
    commands: ['plan'],
    apply: (o, v, f) => {
      o.shards = shardCount(f, v);
    },
  },
  {
    names: ['--target-seconds'],
    value: true,
    commands: ['plan'],
    apply: (o, v, f) => {
      o.targetSeconds = positiveSeconds(f, v);
    },
  },
  {
    names: ['--job-overhead-seconds'],
    value: true,
    commands: ['plan'],
    apply: (o, v, f) => {
      o.jobOverheadSeconds = positiveSeconds(f, v);
    },
  },
  {
    names: ['--matrix'],
    value: false,
    commands: ['plan'],
    apply: (o) => {
      o.matrix = true;
    },
  },
  {
    names: ['--timings'],
    value: true,
    commands: ['plan', 'merge', ...SESSION_COMMANDS],
    apply: (o, v) => {
      o.timings = v;
    },
  },
  {
    names: ['--out'],
    value: true,
    commands: ['plan', 'merge'],
    apply: (o, v) => {
      o.out = v;
    },
  },
  {
    names: ['--summary'],
    value: true,
    commands: ['merge'],
    apply: (o, v) => {
      o.summary = v;
    },
  },
  {
    names: ['--timings-out'],
    value: true,
    commands: ['merge'],
    apply: (o, v) => {
      o.timingsOut = v;
    },
  },
  {
    names: ['--fail-on'],
    value: true,
    commands: ['merge'],
    apply: (o, v, f) => {
      o.failOn = choice(f, v, FAIL_ON_VALUES);
    },
  },
];

function parseShard(flag: string, value: string): { index: number; total: number | null; source?: string } {
  if (value === 'auto') {
    try {
      // Logged: a remembered `discover --shard auto` answer holds only while these variables do.
      return shardFromCiEnv(loggedEnv(process.env));
    } catch (err) {
      if (err instanceof CiShardError) throw new UsageError(err.message);
      throw err;
    }
  }
  const m = /^(\d+)(?:\/(\d+))?$/.exec(value);
  if (!m) throw new UsageError(`argument ${flag}: expected K/N, K or auto, got '${value}'`);
  const index = Number(m[1]);
  const total = m[2] === undefined ? null : Number(m[2]);
  if (index < 1 || (total !== null && (total < 1 || index > total))) throw new UsageError(`argument ${flag}: shard ${value} is out of range`);
  return { index, total };
}

/** Each command's flags by name. */
const flagsOf = new Map<Command, Map<string, FlagSpec>>();
for (const spec of FLAGS) {
  for (const command of spec.commands ?? SESSION_COMMANDS) {
    let byName = flagsOf.get(command);
    if (!byName) flagsOf.set(command, (byName = new Map()));
    for (const name of spec.names) byName.set(name, spec);
  }
}

/** fastest's own flags, which pytest has no equivalent of: never handed to a real pytest run. */
const FASTEST_ONLY = new Set([
  '-n',
  '--numprocesses',
  '--engine',
  '--python',
  '--json',
  '--shard',
  '--plan',
  '--timings',
  '--no-cache',
  '--changed',
  '--affected-by',
  '--show-engines',
]);
/** Plugin options fastest implements itself; pytest knows them only with the plugin installed. */
const PLUGIN_OPTIONS_DONE_NATIVELY = new Set([
  '--timeout',
  '--asyncio-mode',
  '--reruns',
  '--reruns-delay',
  '--reruns-delay-backoff-factor',
  '--only-rerun',
  '--rerun-except',
  '--dist',
]);

/** An option neither fastest, pytest's built-in table, nor a conftest.py declares: pytest's parser decides. */
export class UnknownOptionError extends UsageError {
  constructor(
    readonly option: string,
    arg: string,
  ) {
    super(`unrecognized arguments: ${arg}`);
  }
}

/** Options of the user's installed plugins, as pytest's parser reports them (name -> arity). */
export type PluginOptions = ReadonlyMap<string, Arity>;

type Token =
  | { kind: 'path'; value: string }
  | { kind: 'flag'; name: string; value: string | undefined; raw: string[]; spec: FlagSpec; values?: string[] }
  | { kind: 'other'; name: string; value: string | undefined; raw: string[]; route: Route | 'conftest' };

interface Known {
  command: Command;
  conftest: Map<string, boolean> | null;
  plugins: PluginOptions;
  /** Pass options nobody knows through as they are (the arguments for pytest's own parser). */
  passUnknown?: boolean;
}

function arityOf(name: string, known: Known): Arity | undefined {
  // plan and merge take their own flags only: pytest's options mean nothing to them.
  if (!SESSION_COMMANDS.includes(known.command)) return undefined;
  const routed = routedByName.get(name);
  if (routed) return routed.arity;
  const conftest = known.conftest?.get(name);
  if (conftest !== undefined) return conftest ? 'one' : 'none';
  return known.plugins.get(name);
}

function routeOf(name: string, known: Known): Route | 'conftest' {
  const routed = routedByName.get(name);
  if (routed) return routed.route;
  if (known.conftest?.has(name)) return 'conftest';
  return pluginOptionRoute(name);
}

/** An `optional` value is taken from the next argument unless that looks like an option (argparse). */
function takesNext(arity: Arity, next: string | undefined): boolean {
  if (arity === 'one') return true;
  return arity === 'optional' && next !== undefined && !(next.startsWith('-') && next.length > 1);
}

/**
 * Splits argv into paths and options. `known.conftest === null` is the first pass, which only
 * needs the config file and paths: unknown long options are skipped there.
 */
function* tokens(argv: string[], known: Known): Generator<Token> {
  const byName = flagsOf.get(known.command) ?? new Map<string, FlagSpec>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      for (const rest of argv.slice(i + 1)) yield { kind: 'path', value: rest };
      return;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(0, eq) : arg;
      const spec = byName.get(name);
      if (!spec) {
        const arity = arityOf(name, known);
        if (arity === undefined) {
          if (known.conftest === null) continue; // first pass: conftest options are not known yet
          if (known.passUnknown) {
            yield { kind: 'other', name, value: undefined, raw: [arg], route: 'engine' };
            continue;
          }
          throw new UnknownOptionError(name, arg);
        }
        if (arity === 'none' && eq >= 0) throw new UsageError(`argument ${name}: ignored explicit argument '${arg.slice(eq + 1)}'`);
        let value: string | undefined = eq >= 0 ? arg.slice(eq + 1) : undefined;
        const raw = [arg];
        if (eq < 0 && takesNext(arity, argv[i + 1])) {
          value = argv[++i];
          if (value === undefined) throw new UsageError(`argument ${name}: expected one argument`);
          raw.push(value);
        }
        yield { kind: 'other', name, value, raw, route: routeOf(name, known) };
        continue;
      }
      if (spec.optional) {
        const value = eq >= 0 ? arg.slice(eq + 1) : takesNext('optional', argv[i + 1]) ? argv[++i] : undefined;
        yield { kind: 'flag', name, value, raw: value === undefined ? [arg] : eq >= 0 ? [arg] : [arg, value], spec };
      } else if (spec.nargs) {
        const values = eq >= 0 ? [arg.slice(eq + 1)] : [];
        const raw = [arg];
        while (eq < 0 && takesNext('optional', argv[i + 1]) && argv[i + 1] !== '--' && (spec.nargs === '+' || values.length === 0)) {
          values.push(argv[++i]);
          raw.push(values[values.length - 1]);
        }
        if (spec.nargs === '+' && values.length === 0) throw new UsageError(`argument ${name}: expected at least one argument`);
        yield { kind: 'flag', name, value: values[0], raw, spec, values };
        continue;
      } else if (spec.value) {
        const value: string | undefined = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new UsageError(`argument ${name}: expected one argument`);
        yield { kind: 'flag', name, value, raw: eq >= 0 ? [arg] : [arg, value], spec };
      } else {
        if (eq >= 0) throw new UsageError(`argument ${name}: ignored explicit argument '${arg.slice(eq + 1)}'`);
        yield { kind: 'flag', name, value: undefined, raw: [arg], spec };
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const name = `-${arg[j]}`;
        const spec = byName.get(name);
        if (!spec) {
          const arity = arityOf(name, known);
          if (arity === undefined) {
            if (known.conftest === null) break;
            if (known.passUnknown) {
              yield { kind: 'other', name, value: undefined, raw: [`-${arg.slice(j + 1)}`], route: 'engine' };
              break;
            }
            throw new UnknownOptionError(name, arg);
          }
          // A routed short option (-l): the rest of the cluster goes on as flags or its value.
          const rest = arg.slice(j + 1);
          if (arity !== 'none' && (rest.length > 0 || takesNext(arity, argv[i + 1]))) {
            const value = rest.length > 0 ? rest.replace(/^=/, '') : argv[++i];
            if (value === undefined) throw new UsageError(`argument ${name}: expected one argument`);
            yield { kind: 'other', name, value, raw: [name, value], route: routeOf(name, known) };
            break;
          }
          yield { kind: 'other', name, value: undefined, raw: [name], route: routeOf(name, known) };
          continue;
        }
        if (spec.value) {
          const rest = arg.slice(j + 1);
          const value = rest.length > 0 ? rest.replace(/^=/, '') : argv[++i];
          if (value === undefined) throw new UsageError(`argument ${name}: expected one argument`);
          yield { kind: 'flag', name, value, raw: [name, value], spec };
          break;
        }
        yield { kind: 'flag', name, value: undefined, raw: [name], spec };
      }
      continue;
    }
    yield { kind: 'path', value: arg };
  }
}

/**
 * Parses argv (without node and script) into options. `conftestOptions` are the options conftest
 * files add (name -> takes a value), `pluginOptions` those of installed plugins; both go on to
 * the engines. `conftestOptions === null` skips unknown long flags (a first pass that only needs
 * the config file and paths).
 */
export function parseArgs(
  argv: string[],
  conftestOptions: Map<string, boolean> | null = new Map(),
  pluginOptions: PluginOptions = new Map(),
  command: Command = 'run',
): CliOptions {
  const o = defaultOptions();
  o.command = command;
  const given: string[] = [];
  for (const token of tokens(argv, { command, conftest: conftestOptions, plugins: pluginOptions })) {
    if (token.kind === 'path') {
      o.paths.push(token.value);
      continue;
    }
    given.push(token.name);
    if (token.kind === 'flag') {
      if (token.spec.optional) token.spec.optional(o, token.value, token.name);
      else token.spec.apply(o, token.value ?? '', token.name, token.values ?? []);
      if (token.spec.forward) o.pytestArgs.push(...token.raw);
    } else {
      o.pytestArgs.push(...token.raw);
      if (token.route !== 'conftest') addRoute(o, token.name, token.route);
    }
  }
  routeBlockedBuiltins(o, given);
  if (o.asyncioMode) {
    o.overrides.push(`asyncio_mode=${o.asyncioMode}`);
    o.pytestArgs.push('-o', `asyncio_mode=${o.asyncioMode}`);
  }
  return o;
}

/**
 * pytest's own plugins whose work fastest does itself in every engine: blocked with `-p no:NAME`,
 * pytest runs without it (no capturing, TestCase classes not collected, skip and xfail marks
 * inert, no report, no Python test collection, no --pdb), which real pytest shows.
 */
const BUILTINS_DONE_BY_FASTEST = new Set(['capture', 'unittest', 'skipping', 'terminal', 'python', 'debugging']);
/** The options of pytest's own plugins fastest honours: with the plugin blocked, pytest refuses them. */
const BUILTIN_PLUGIN_OPTIONS: Record<string, RegExp> = {
  cacheprovider: /^--(lf|last-failed|ff|failed-first|nf|new-first|cache-show|cache-clear|lfnf|last-failed-no-failures)$/,
  stepwise: /^--(sw|stepwise|sw-skip|stepwise-skip|sw-reset|stepwise-reset)$/,
  junitxml: /^--(junitxml|junit-xml|junit-prefix|junitprefix)$/,
  logging: /^--log-/,
};

/** `-p no:NAME` of such a plugin, or with one of its options given: real pytest runs the session. */
function routeBlockedBuiltins(o: CliOptions, given: readonly string[]): void {
  for (const plugin of o.plugins) {
    if (!plugin.startsWith('no:')) continue;
    const name = plugin.slice(3);
    const option = BUILTIN_PLUGIN_OPTIONS[name] ? given.find((g) => BUILTIN_PLUGIN_OPTIONS[name]!.test(g)) : undefined;
    if (BUILTINS_DONE_BY_FASTEST.has(name) || option !== undefined) addRoute(o, `-p ${plugin}`, 'session');
  }
}

/**
 * The user's command line as real pytest is to see it: fastest's own flags dropped, and the
 * plugin options fastest does itself kept only where pytest knows them (`keepPluginOptions`).
 */
export function pytestArgv(
  argv: string[],
  conftestOptions: Map<string, boolean>,
  pluginOptions: PluginOptions | null,
  keepPluginOptions: ReadonlySet<string> = new Set(),
  /** Arguments that name what to collect instead of the command line's paths (at the end). */
  paths?: readonly string[],
): string[] {
  const out: string[] = [];
  // Without pluginOptions (pytest not asked yet), unknown options pass through for pytest to judge.
  for (const token of tokens(argv, { command: 'run', conftest: conftestOptions, plugins: pluginOptions ?? new Map(), passUnknown: pluginOptions === null })) {
    if (token.kind === 'path') {
      if (!paths) out.push(token.value);
    } else if (token.kind === 'other') out.push(...token.raw);
    else if (FASTEST_ONLY.has(token.name)) continue;
    else if (PLUGIN_OPTIONS_DONE_NATIVELY.has(token.name) && !keepPluginOptions.has(token.name)) continue;
    else out.push(...token.raw);
  }
  if (paths) out.push(...paths);
  return out;
}

/** `fastest plan` and `fastest merge`: their flags and paths, with the same parser and errors. */
export function parseCommandArgs(command: 'plan' | 'merge', argv: string[]): CliOptions {
  return parseArgs(argv, new Map(), new Map(), command);
}

const COMMANDS = new Set(['discover', 'plan', 'merge', 'watch']);

/** Splits off the subcommand: `fastest discover ...` → ['discover', rest]. */
export function splitCommand(argv: string[]): { command: CliOptions['command']; rest: string[] } {
  if (argv.length > 0 && COMMANDS.has(argv[0])) return { command: argv[0] as CliOptions['command'], rest: argv.slice(1) };
  return { command: 'run', rest: argv };
}

export const HELP = `usage: fastest [options] [file_or_dir] [file_or_dir] [...]
       fastest discover [PATHS] [-k EXPR] [-m EXPR] [--json]
       fastest plan --shards N|auto [--target-seconds S] [--timings FILE] [--out plan.json] [--matrix]
       fastest merge GLOB... [--plan plan.json] [--out merged.xml] [--summary summary.md] [--timings FILE]
                     [--timings-out FILE] [--fail-on any|new] [--cov-report xml|lcov|json[:DEST]]
                     [--cov-fail-under N] [--cov-config F]
       fastest watch [options] [file_or_dir] [...]   (runs, then on each save the tests it can affect;
                                                   keys: a all, f failed, q quit; also --watch)

Runs a pytest suite, in parallel, with pytest's node ids, outcomes and exit codes.

selection:
  -k EXPR               only run tests which match the given substring expression
  -m MARKEXPR           only run tests matching the given mark expression
  --deselect NODEID     deselect item (via node id prefix) during collection
  --ignore PATH         ignore path during collection (multi-allowed)
  --ignore-glob GLOB    ignore path pattern during collection
  --lf, --last-failed   rerun only the tests that failed at the last run (or all if none failed)
  --ff, --failed-first  run all tests, but run the last failures first
  --co, --collect-only  only collect tests, don't execute them
  --changed [REF]       only the tests that uncommitted and untracked changes can affect
                        (with REF: also the changes of REF...HEAD); -v says why each test runs
  --affected-by PATH... only the tests that changes to these files can affect

running:
  -n N|auto             number of worker processes (default: auto, one per CPU)
  --engine ENGINE       auto (default): native engine, pytest where a module needs it;
                        native: never fall back; pytest: run everything through pytest
  --python PATH         interpreter (default: the active virtualenv's python, else python3)
  -x, --exitfirst       exit instantly on first error or failed test
  --maxfail N           exit after first N failures or errors
  --timeout SEC         fail a test that runs longer than SEC seconds (its worker is replaced)
  --reruns N            run a failing test up to N more times (pytest-rerunfailures' options:
                        --reruns-delay S, --only-rerun REGEX, --rerun-except REGEX; the flaky mark)
  -s                    shortcut for --capture=no
  --capture METHOD      per-test capturing method: one of fd|sys|no
  -p NAME               load (or with no:NAME, block) a plugin in the pytest engine
  -W FILTER             set which warnings to report, see -W option of python itself
  --shard K/N           run shard K of N, planned from the timings store
  --shard auto          K and N from GitLab, CircleCI or Buildkite parallelism variables
  --timings FILE        the timings store to plan --shard K/N|auto from (default .fastest/timings.json)
  --plan FILE --shard K run shard K of a plan made by \`fastest plan\`
  --no-cache            don't read or write the discovery cache under .fastest/
  --cache-clear         remove the discovery cache before the run

reporting:
  -v, --verbose         increase verbosity
  -q, --quiet           decrease verbosity
  -r CHARS              show extra test summary info as specified by chars (fEsxXpPaA)
  --tb STYLE            traceback print mode (auto/long/short/line/native/no)
  --durations N         show N slowest setup/test durations (N=0 for all)
  --junitxml PATH       create junit-xml style report file at given path
  --json PATH           write every result as JSON to PATH
  --color yes|no|auto   color terminal output
  --show-engines        say which engine ran each module (and why not the native one)

configuration (read as pytest reads them: pytest.ini, pyproject.toml, tox.ini, setup.cfg):
  -c, --config-file FILE  load configuration from FILE
  --rootdir DIR         define root directory for tests
  -o, --override-ini K=V  override ini option
  --import-mode MODE    prepend (default), append or importlib
  --strict-markers      markers not registered in the markers ini are errors
  --asyncio-mode MODE   pytest-asyncio's mode (auto or strict), as -o asyncio_mode=MODE

coverage (pytest-cov's options; coverage.py measures every worker, one combined report):
  --cov[=SOURCE]        measure SOURCE (path or package; multi-allowed), or everything
  --cov-report TYPE     term, term-missing[:skip-covered], annotate, html, xml, json,
                        markdown, markdown-append, lcov [:DEST] (multi-allowed)
  --cov-config PATH     coverage.py config file (default: .coveragerc)
  --cov-branch          measure branches
  --cov-fail-under MIN  fail if the total coverage is less than MIN
  --cov-append, --cov-context=test, --cov-precision N, --cov-reset, --no-cov, --no-cov-on-fail

every other option of pytest, and of the plugins installed, is accepted: options that change
how tests run or read (-l, --full-trace, --log-level, plugin options...) run every module with
the pytest engine; doctests (--doctest-modules, --doctest-glob...) are listed by discovery and
run in the pytest engine; --cov is measured by fastest's workers with coverage.py; --pdb,
--trace, --fixtures, --markers, --setup-plan, --sw and the like run the whole session with real
pytest. pytest's own parser refuses the rest.

  -h, --help            show this help message and exit
  -V, --version         show fastest's version
`;
