// Plain data passed between the stages (config -> discovery -> select -> plan -> run -> report).
// Nothing here has behaviour (the exit-code table is data); every stage may import it.

/** A mark as written in source: `@pytest.mark.NAME(*args, **kwargs)`, args as literal values. */
export interface Mark {
  name: string;
  /** Literal positional arguments; a value discovery could not read statically is `null` with `dynamicArgs`. */
  args: PyValue[];
  kwargs: Record<string, PyValue>;
  /** True when at least one argument was not a literal. */
  dynamicArgs?: boolean;
}

/** A Python literal value as discovery reads it from source. */
export type PyValue =
  | null
  | boolean
  | number
  | string
  | { py: 'int'; repr: string } // ints beyond JS safe range, kept as their source text
  | { py: 'float'; repr: string } // floats as pytest's id would print them (repr)
  | { py: 'bytes'; value: string } // bytes, as latin-1 string
  | { py: 'tuple'; items: PyValue[] }
  | { py: 'list'; items: PyValue[] }
  | { py: 'dict'; repr: string; keys?: PyValue[]; values?: PyValue[] } // keys/values: when every key is a distinct str or int literal
  | { py: 'set'; repr: string; size?: number } // size: how many distinct elements, when all are str or all int literals
  | { py: 'object'; repr: string } // an instance pytest makes no id from (`object()`, `dict(a=1)`): argname + index
  | { py: 'complex'; repr: string }
  | { py: 'call'; func: string; args: PyValue[]; kwargs: Record<string, PyValue> } // e.g. pytest.param(...)
  | { py: 'mark'; mark: Mark } // `pytest.mark.NAME` / `pytest.mark.NAME(...)` used as a value
  // a bare name whose `__name__` is known (a class or function defined in the module, a builtin type);
  // `lambda`: a lambda's source, `unshadowed`: the module binds no name of the builtins it calls (checked
  // on its whole text); `enumMember`: an enum member, whose id is this name (`str()`) and which has no `__name__`
  | { py: 'name'; name: string; lambda?: string; unshadowed?: true; enumMember?: true }
  | { py: 'pattern'; pattern: string } // `re.compile(str)`: pytest's id is the pattern, ascii-escaped
  | { py: 'expr'; source: string }; // not a literal: its source text

/** One test as pytest would collect it. */
export interface TestItem {
  /** pytest node id, byte for byte: `tests/test_x.py::TestC::test_m[1-a]`, relative to rootdir. */
  id: string;
  /** Path of the module relative to rootdir, with `/` separators. */
  file: string;
  /** 1-based line where the function starts (its first decorator: Python's co_firstlineno). */
  line: number;
  /** Enclosing class names, outermost first. */
  classes: string[];
  /** Function name without the parametrize id. */
  function: string;
  /** The parametrize id inside `[...]`, if any. */
  param?: string;
  /** Marks on the function, then its classes (innermost first), then the module's `pytestmark`. */
  marks: Mark[];
  /**
   * True when the item's final ids are only known at run time (non-literal parametrize,
   * ids=callable, parametrized fixtures, pytest_generate_tests). The id is then the base id
   * without `[...]` and the runner reports whatever ids pytest expands it to.
   */
  dynamic: boolean;
  /** Attributes set on the function object that `-k` also matches (`pytestmark` when it has marks). */
  functionAttrs?: string[];
  /** A decorator other than a mark's may have set more (`@mock.patch`: `patchings`, `__wrapped__`): -k leaves the item to the run. */
  functionAttrsUnknown?: true;
  /** True for methods of unittest.TestCase subclasses. */
  unittest?: boolean;
  /**
   * The test requests pytest-benchmark's `benchmark` fixture (as an argument, through
   * `usefixtures`, or through fixtures of its module or conftest files that request it): such
   * tests all run in one worker, so that one pytest-benchmark session measures them all.
   */
  usesBenchmark?: true;
  /**
   * Listed for another collector of a test module's file than its Module (the doctest plugin's
   * DoctestModule, a conftest's pytest_collect_file): what a run collects there is learned apart.
   */
  beside?: boolean;
  /**
   * A node id asked for (an argument, a plan's id) that discovery does not list, in a test module
   * that exists: a test made at import may have it. The run's collection decides; the id is the
   * one asked for, `dynamic` is set, and nothing is learned from the item itself.
   */
  unverified?: boolean;
  /**
   * A test a dynamic item expanded to (its id read from a run): its names are known, its own
   * marks are not (`pytest.param(marks=...)`, a method of a class on an imported base). -m asks
   * the run, whose workers send each test's marks.
   */
  marksUnknown?: true;
}

/** A file that could not be collected, with pytest's wording. */
export interface CollectionError {
  file: string;
  /** The text pytest prints under `ERROR collecting FILE`. */
  message: string;
  /** The same with pytest's terminal markup, when the console is coloured (as TestResult's `longreprMarkup`). */
  messageMarkup?: string;
  /** What the short summary adds after `ERROR FILE - ` (the exception line); none when pytest's error is plain text (an ImportError's). */
  crash?: string;
  /** --engine native refused the module: reported as an error, but not one that stops the session as pytest's collection errors do. */
  refused?: boolean;
  /**
   * The node id of the collector that failed when it is inside the module (a class): the short
   * summary and JUnit name it, and the module's other tests are collected (and run under
   * --continue-on-collection-errors).
   */
  id?: string;
}

export interface DiscoveryResult {
  rootdir: string;
  items: TestItem[];
  errors: CollectionError[];
  /**
   * Modules Python cannot compile, with Python's message. A run lists each as a whole-file item:
   * a worker's import reports pytest's collection error, the import's frames with it. The static
   * listings (`fastest discover`, `--co --json`), which import nothing, report these instead.
   */
  syntaxErrors?: CollectionError[];
  /** Files parsed this run (not served from the cache): for tests and the `-v` log. */
  parsedFiles: number;
  cachedFiles: number;
  /** Non-fatal problems to print once (e.g. a corrupt cache that was rebuilt). */
  warnings: string[];
  /** The test modules the walk found (python_files, not ignored), rootdir-relative, in collection
   * order, tests or not: pytest imports each one before its first test. */
  modules?: string[];
  /** Those of them that pass parametrize a generator or another iterator (pytest 9.1 warns of it
   * while collecting). */
  iteratorParametrize?: string[];
  /** Those of them that write their own namespace at run time, or star-import another's:
   * importing one may make tests discovery did not list beside those it did
   * (ParsedModule.namespaceWrites, dynamicReasons). */
  namespaceWriters?: string[];
  /** A conftest.py of the suite defines pytest_collection_modifyitems or pytest_itemcollected:
   * a test's marks and keywords may be the hook's to add, known only to the run (pytest calls such
   * a hook with every test of the session, wherever the conftest is). */
  itemHooks?: true;

  /**
   * The top-level names of every module the walked test modules and conftest.py files import
   * (anywhere in them, relative ones with their dots); absent when one may load modules named at
   * run time. The runner skips its first run's warm-parent probe when these are all stdlib or pytest.
   */
  importedModules?: string[];
}

/** Final outcome of one test, as pytest's terminal reporter counts it. */
export type Outcome = 'passed' | 'failed' | 'error' | 'skipped' | 'xfailed' | 'xpassed';

/** One test's result: exactly one per selected test id (dynamic items: one per expanded id). */
export interface TestResult {
  id: string;
  outcome: Outcome;
  /** Phase that decided the outcome. */
  when: 'collect' | 'setup' | 'call' | 'teardown';
  /** Seconds, setup + call + teardown. */
  duration: number;
  /** rootdir-relative file and 1-based line of the test function, when known. */
  file?: string;
  line?: number;
  /** Full failure text as pytest prints it in FAILURES / ERRORS. */
  longrepr?: string;
  /** The same text with pytest's terminal markup (coloured crash line, highlighted source), sent
   * when the console is coloured. */
  longreprMarkup?: string;
  /** One-line message: the exception line, skip reason or xfail reason. */
  message?: string;
  /** Captured output: [section name, text], e.g. ["Captured stdout call", "hello\n"]. */
  sections?: [string, string][];
  /** An error in teardown after setup and call: pytest counts it as an extra error. */
  teardownError?: { longrepr: string; longreprMarkup?: string; message: string };
  /** Seconds per phase that ran: pytest's setup/call/teardown report durations (`--durations`). */
  phases?: { setup?: number; call?: number; teardown?: number };
  /** Warnings recorded while it ran; on a unit's first result also those of collecting its module. */
  warnings?: WarningRecord[];
  /** `--tb=line` only: pytest's crash line of a failure, `path:lineno: message`. */
  crashline?: string;
  /** A module skipped at collection by another exception than pytest's skip (`unittest.SkipTest`):
   * pytest's crash message, `unittest.case.SkipTest: why`, which its JUnit writes whole. */
  skipCrash?: string;
  /** The FAILURES head line when it is not the one read from the id (a doctest's `[doctest] name`,
   * a test's in a pytest-describe block). */
  headline?: string;
  /** Skipped at setup by a `skip` mark its function does not carry itself (a module's
   * `pytestmark`, a class's or a describe block's mark): pytest's `-rs` line names only its file. */
  skipFileOnly?: boolean;
  /** What pytest's junitxml fixtures recorded while it ran (under --junitxml): `record_property`'s
   * pairs (the testcase's `<properties>`), `record_xml_attribute`'s (testcase attributes under
   * junit_family xunit1) and `record_testsuite_property`'s (the suite's `<properties>`). */
  userProperties?: [string, string][];
  xmlAttributes?: [string, string][];
  suiteProperties?: [string, string][];
  /** Its subtests' reports (unittest `subTest`, the `subtests` fixture), in the order they ran:
   * pytest 9 reports each one besides the test's own outcome. */
  subtests?: SubtestReport[];
  /** Which engine ran it and on which worker. */
  engine?: 'native' | 'pytest';
  worker?: number;
  /** The first listed id of the unit that ran it (absent: a unit of the whole file): within a
   * module, results are in pytest's order by unit, then as the unit's worker ran them. */
  unitStart?: string;
  /** Its earlier attempts when it was rerun (`--reruns`, a `flaky` mark), in order; the result
   * itself is the last attempt's. A passed result with attempts is flaky. */
  attempts?: Attempt[];
}

/** An item for a whole file, whose tests only its collection knows (expanded at run time). */
export function wholeFileItem(file: string, marks: Mark[] = []): TestItem {
  return { id: file, file, line: 1, classes: [], function: '', marks, dynamic: true };
}

/**
 * The item an id at or below `item` names (a dynamic item's expansion), its names read from the
 * id: `[p]` of a function; `::TestC::test_m[p]` inside a module or class; or `::case` below a
 * function a conftest hook made a collector of (pyyaml's data-driven tests), whose name is then
 * a node of the chain, as -k sees it. Marks are the item's; an expansion of a dynamic item may
 * have more of its own (`marksUnknown`).
 */
export function itemOfExpandedId(item: TestItem, id: string): TestItem {
  if (id === item.id || !id.startsWith(item.id)) return { ...item, dynamic: false };
  const rest = id.slice(item.id.length);
  const unknown = item.dynamic || item.marksUnknown ? { marksUnknown: true as const } : {};
  if (rest.startsWith('[')) return { ...item, id, param: rest.slice(1, -1), dynamic: false, ...unknown };
  const names = rest.slice(2).split('::');
  const last = names.pop()!;
  const bracket = last.indexOf('[');
  const inner = bracket < 0 || !last.endsWith(']') ? { function: last } : { function: last.slice(0, bracket), param: last.slice(bracket + 1, -1) };
  const { param, ...base } = item;
  const parents = item.function === '' ? item.classes : [...item.classes, param === undefined ? item.function : `${item.function}[${param}]`];
  return { ...base, id, classes: [...parents, ...names], ...inner, dynamic: false, ...unknown };
}

export function isCollectionSkip(r: TestResult): boolean {
  return r.when === 'collect' && r.outcome === 'skipped';
}

/** One attempt of a rerun test that failed and was followed by another (pytest-rerunfailures'
 * `rerun` report): `error` when its setup or teardown failed, `failed` when its call did. */
export interface Attempt {
  outcome: 'failed' | 'error';
  when: 'setup' | 'call' | 'teardown';
  duration: number;
  message?: string;
  longrepr?: string;
  /** The exception's class name, when it raised one (`AssertionError`). */
  type?: string;
  /** The output captured during this attempt alone. */
  sections?: [string, string][];
}

/** pytest-rerunfailures' settings as Node resolved them from the options and the ini. */
export interface RerunSettings {
  /** `--reruns` / the `reruns` ini; null when neither is given (a `flaky` mark still reruns). */
  count: number | null;
  /** `--reruns-delay` / `reruns_delay` ini, seconds. */
  delay: number;
  /** `--reruns-delay-backoff-factor` / ini: each further delay is multiplied by it. */
  backoff: number;
  /** `--only-rerun` regexes (rerun only failures whose `Type: message` matches one). */
  onlyRerun: string[];
  /** `--rerun-except` regexes (never rerun failures that match one). */
  rerunExcept: string[];
}

/** One subtest's report (pytest 9's SubtestReport), carried on its test's result. */
export interface SubtestReport {
  outcome: 'passed' | 'failed' | 'skipped' | 'xfailed' | 'xpassed';
  /** `[msg] (k=v, ...)` or `(<subtest>)`, as pytest appends it to `SUBFAILED`. */
  description: string;
  /** As TestResult's: failure text, or `path:line: reason` for a skip. */
  longrepr?: string;
  longreprMarkup?: string;
  message?: string;
  crashline?: string;
  /** The subtest's own captured output (the `subtests` fixture). */
  sections?: [string, string][];
  /** pytest writes this report while the test's output is captured (a unittest subTest), so
   * its progress letter or verbose line never reaches the terminal. */
  hidden?: boolean;
}

/** One warning as pytest's warnings plugin records it (pytest_warning_recorded). */
export interface WarningRecord {
  /** `warnings.formatwarning` text: `path:line: Category: message\n  source line\n`. */
  message: string;
  /** Where it was raised, as Python reported it, and its line. */
  filename: string;
  lineno: number;
  /** The node id the warnings summary names; '' when raised while collecting (then `path:line`
   * is shown); absent: the result's own id. */
  nodeid?: string;
  /** Raised while collecting this file (rootdir-relative): pytest reports a file's collection
   * warnings once, however many workers collect it. A conftest's path: raised while it was
   * imported; '': the session's, pytest records it before collection warnings (what the pytest
   * engine's session start warned: its initial conftests, pytest_configure; a config-time warning). */
  module?: string;
}

/** Raised while a module or conftest was collected (not by a test): it rides on whichever result came next. */
export function raisedWhileCollecting(w: WarningRecord): boolean {
  return w.module !== undefined || w.nodeid === '';
}

/** What the Node side hands a worker to run: one module, or some tests within it. */
/**
 * What the `pytest_terminal_summary` hooks of a pytest session's conftest files and of its other
 * plugins wrote (pytest prints the conftests' before pytest-cov's section, the others' after it).
 * Untrusted text: printed as it is, never read.
 */
export interface PluginsSummary {
  conftests: SummaryText;
  plugins: SummaryText;
}

/** Text written through pytest's terminal reporter. */
export interface SummaryText {
  text: string;
  /** Where the reporter's first `ensure_newline` came (UTF-16 code units): pytest writes a
   * newline there when a progress line is still open, which only the console knows. */
  newlineAt?: number;
}

export interface Unit {
  /** rootdir-relative path of the module. */
  file: string;
  /** Node ids to run; null runs the whole file as collected. Dynamic items appear by base id. */
  ids: string[] | null;
  /** Expected seconds, for scheduling. */
  expected: number;
  /** Some test of it uses pytest-benchmark's `benchmark` fixture: every such unit runs in the
   * same worker, in collection order, never split or taken by another worker. */
  benchmark?: true;
  /** -k/-m left some test it lists to the run (marks a run taught unknown, a custom collector's
   * items): the worker judges every test it collects, those listed by their own ids too. */
  judge?: true;
}

/** pytest's exit codes (`pytest.ExitCode`), which every command of fastest and the Action use. */
export const ExitCode = {
  OK: 0,
  TESTS_FAILED: 1,
  INTERRUPTED: 2,
  INTERNAL_ERROR: 3,
  USAGE_ERROR: 4,
  NO_TESTS_COLLECTED: 5,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
