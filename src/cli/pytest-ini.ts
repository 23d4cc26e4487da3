// Which ini keys need no word from pytest: those pytest 8.4-9.1 registers itself (with plugin
// autoload off), fastest's own, and those of the plugins most suites configure while plugins load
// as pytest loads them by default. Any other may be one pytest warns of (`PytestConfigWarning:
// Unknown config option: X`), and so may a plugin's once `-p no:...` or
// PYTEST_DISABLE_PLUGIN_AUTOLOAD can leave its plugin out: then pytest's own parser is asked,
// alongside discovery (option_check.py's configWarnings), once for as long as what it read is
// unchanged (option-route.ts KeptProbeAnswer).
const PYTEST_INI = `addopts assertion_text_diff_style cache_dir collect_imported_tests consider_namespace_packages
console_output_style disable_test_id_escaping_and_forfeit_all_rights_to_community_support doctest_encoding
doctest_optionflags empty_parameter_set_mark enable_assertion_pass_hook faulthandler_exit_on_timeout
faulthandler_timeout filterwarnings junit_duration_report junit_family junit_log_passing_tests junit_logging
junit_suite_name log_auto_indent log_cli log_cli_date_format log_cli_format log_cli_level log_date_format
log_file log_file_date_format log_file_format log_file_level log_file_mode log_format log_level markers
max_warnings minversion norecursedirs python_classes python_files python_functions pythonpath
required_plugins strict strict_config strict_markers strict_parametrization_ids strict_xfail testpaths
tmp_path_retention_count tmp_path_retention_policy truncation_limit_chars truncation_limit_lines
usefixtures verbosity_assertions verbosity_subtests verbosity_test_cases xfail_strict`;

// pytest-asyncio, -django, -env, -mock, -xdist, -qt, -bdd, -timeout's session limit, anyio...
const PLUGIN_INI = `asyncio_mode asyncio_default_fixture_loop_scope asyncio_default_test_loop_scope
timeout_disable_debugger_detection session_timeout DJANGO_SETTINGS_MODULE DJANGO_CONFIGURATION
django_find_project django_debug_mode FAIL_INVALID_TEMPLATE_VARS env env_files env_override_existing_values
mock_use_standalone_module mock_traceback_monkeypatch rsyncdirs rsyncignore looponfailroots qt_api
qt_default_raising qt_log_level_fail qt_log_ignore qt_no_exception_capture bdd_features_base_dir
spec_header_format spec_test_format spec_success_indicator flakes-ignore mypy-ini-file randomly_seed`;

// fastest's own: its impact analysis', and the keys of pytest-timeout and pytest-rerunfailures,
// which fastest implements with or without those plugins (as it registers the `flaky` mark).
const FASTEST_INI = 'impact_deps timeout timeout_method timeout_func_only reruns reruns_delay reruns_delay_backoff_factor';

// pytest's own plugins (8.4-9.1): `-p no:` of one of them leaves every plugin's key registered.
const PYTEST_PLUGINS = `assertion cacheprovider capture debugging doctest faulthandler fixtures freeze_support
helpconfig junitxml legacypath logging main mark monkeypatch pastebin pytester pytester_assertions python
recwarn reports runner setuponly setupplan skipping stepwise subtests terminal terminalprogress
threadexception tmpdir unittest unraisableexception warnings`;

const words = (text: string) => new Set(text.split(/\s+/));
const OWN = words(`${PYTEST_INI} ${FASTEST_INI}`);
const PLUGINS = words(PLUGIN_INI);
const BUILTIN_PLUGINS = words(PYTEST_PLUGINS);

/** Whether the plugins named by `-p` (and the environment) may leave an installed plugin unloaded. */
export function pluginsMayBeOff(plugins: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return !!env.PYTEST_DISABLE_PLUGIN_AUTOLOAD || plugins.some((name) => name.startsWith('no:') && !BUILTIN_PLUGINS.has(name.slice(3)));
}

/** The ini keys pytest's parser must judge: nobody's, and a plugin's when `pluginsMayBeOff`. */
export function iniKeysToAsk(ini: Record<string, unknown>, pluginsMayBeOff: boolean): string[] {
  return Object.keys(ini).filter((key) => !OWN.has(key) && (pluginsMayBeOff || !PLUGINS.has(key)));
}
