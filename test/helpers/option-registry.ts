// Every option of `pytest --help` (plugins off), keyed by its first spelling in pytest's parser,
// with the test that compares its effect with pytest's (test/option-registry.test.ts checks that
// the list is whole and each named test exists).

export interface EffectTest {
  file: string;
  /** The test's title; for an `it.each` over argument lists, the list as `%j` prints it. */
  test: string;
}

export const OPTIONS_OUTPUT = 'options-output.test.ts';
export const OPTIONS_EFFECTS = 'options-effects.test.ts';
const out = (test: string): EffectTest => ({ file: OPTIONS_OUTPUT, test });
const effects = (...args: string[]): EffectTest => ({ file: OPTIONS_EFFECTS, test: JSON.stringify(args) });
const INFORMATIONAL: EffectTest = { file: 'options.test.ts', test: 'informational options print what pytest prints' };
const DOCTEST_OPTIONS: EffectTest = { file: 'doctests.test.ts', test: '--doctest-glob, --doctest-report and --doctest-continue-on-failure act as in pytest' };
const HELP_VERSION: EffectTest = { file: 'cli.test.ts', test: 'prints help and version' };
const LOG = out('--log-level --log-format --log-date-format');
const LOG_CLI = out('--log-cli-level --log-cli-format --log-cli-date-format');
const LOG_FILE = out('--log-file --log-file-level --log-file-format --log-file-date-format --log-file-mode');

/** Keyed by the option's first spelling in pytest's parser. */
export const REGISTRY: Record<string, EffectTest> = {
  '-k': out('-k'),
  '-m': out('-m'),
  '--markers': INFORMATIONAL,
  '-x': out('-x'),
  '--maxfail': out('--maxfail'),
  '--strict-config': out('--strict-config'),
  '--strict-markers': effects('-rA', '--strict-markers'),
  '--strict': out('--strict'),
  '-W': out('-W error::UserWarning'),
  '--collectonly': out('--collect-only'),
  '--pyargs': effects('-rA', '--pyargs', 'test_a'),
  '--ignore': effects('-rA', '--ignore', 'sub'),
  '--ignore-glob': effects('-rA', '--ignore-glob', '*_other.py'),
  '--deselect': effects('-rA', '--deselect', 'test_a.py::test_fail'),
  '--confcutdir': effects('-rA', '--confcutdir', 'sub'),
  '--noconftest': effects('-rA', '--noconftest'),
  '--keepduplicates': effects('-rA', '--keep-duplicates', 'test_a.py', 'test_a.py'),
  '--collect-in-virtualenv': effects('-rA', '--collect-in-virtualenv'),
  '--continue-on-collection-errors': out('--continue-on-collection-errors'),
  '--import-mode': effects('-rA', '--import-mode=importlib'),
  '-c': out('-c'),
  '--rootdir': out('--rootdir'),
  '--basetemp': out('--basetemp'),
  '--durations': out('--durations'),
  '--durations-min': out('--durations'),
  '--fixtures': INFORMATIONAL,
  '--fixtures-per-test': INFORMATIONAL,
  // fastest's own help and version (pytest's are pytest's)
  '-V': HELP_VERSION,
  '-h': HELP_VERSION,
  '-p': out('-p no:warnings'),
  '--disable-plugin-autoload': effects('-rA', '--disable-plugin-autoload'),
  '--traceconfig': effects('-rA', '--trace-config'),
  '--debug': out('--debug'),
  '-o': out('-o'),
  '-v': out('-v'),
  '--no-header': out('--no-header'),
  '--no-summary': effects('-rA', '--no-summary'),
  '--no-fold-skipped': effects('-rA', '--no-fold-skipped'),
  '--force-short-summary': effects('-rA', '--force-short-summary'),
  '-q': out('-q'),
  '--verbosity': out('--verbosity=2'),
  '-r': effects('-rfE'),
  '--disable-warnings': out('--disable-warnings'),
  '-l': out('-l'),
  '--no-showlocals': out('--no-showlocals'),
  '--tb': out('--tb=short'),
  '--xfail-tb': effects('-rA', '--xfail-tb'),
  '--show-capture': out('--show-capture=stdout'),
  '--fulltrace': effects('-rA', '--full-trace'),
  '--color': out('--color=yes'),
  '--code-highlight': effects('-rA', '--code-highlight=no'),
  '--pdb': out('--pdb'),
  '--pdbcls': out('--pdb --pdbcls'),
  '--trace': out('--trace'),
  '--capture': out('--capture=sys'),
  '-s': out('-s'),
  '--runxfail': effects('-rA', '--runxfail'),
  '--pastebin': out('--pastebin=failed'),
  '--assert': effects('-rA', '--assert=plain'),
  '--junitxml': out('--junitxml --junit-prefix'),
  '--junitprefix': out('--junitxml --junit-prefix'),
  '--doctest-modules': effects('-rA', '--doctest-modules', '--doctest-ignore-import-errors'),
  '--doctest-report': DOCTEST_OPTIONS,
  '--doctest-glob': DOCTEST_OPTIONS,
  '--doctest-ignore-import-errors': effects('-rA', '--doctest-modules', '--doctest-ignore-import-errors'),
  '--doctest-continue-on-failure': DOCTEST_OPTIONS,
  '--lf': out('--lf'),
  '--ff': out('--ff'),
  '--nf': out('--nf'),
  '--cache-show': out('--cache-show'),
  '--cache-clear': out('--cache-clear'),
  '--lfnf': out('--lfnf=none'),
  '--setuponly': effects('-rA', '--setup-only'),
  '--setupshow': effects('-rA', '--setup-show'),
  '--setupplan': effects('-rA', '--setup-plan'),
  '--sw': out('--sw'),
  '--sw-skip': out('--sw-skip'),
  '--sw-reset': out('--sw-reset'),
  '--log-level': LOG,
  '--log-format': LOG,
  '--log-date-format': LOG,
  '--log-cli-level': LOG_CLI,
  '--log-cli-format': LOG_CLI,
  '--log-cli-date-format': LOG_CLI,
  '--log-file': LOG_FILE,
  '--log-file-mode': LOG_FILE,
  '--log-file-level': LOG_FILE,
  '--log-file-format': LOG_FILE,
  '--log-file-date-format': LOG_FILE,
  '--log-auto-indent': out('--log-auto-indent'),
  '--log-disable': out('--log-disable'),
  // pytest 9.1
  '--max-warnings': {
    file: 'options.test.ts',
    test: '--max-warnings and the max_warnings ini act as the installed pytest makes them (9.1: exit 6 past the budget; older: refused)',
  },
};
