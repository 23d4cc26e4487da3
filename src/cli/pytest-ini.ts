// Which ini keys need no word from pytest: those pytest 8.4-9.1 registers itself (with plugin
// autoload off), and those of the plugins most suites configure. A key outside both may be one
// pytest warns of (`PytestConfigWarning: Unknown config option: X`): then pytest's own parser is
// asked, alongside discovery (option_check.py's configWarnings).
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

// pytest-asyncio, -timeout, -django, -env, -mock, -xdist, -rerunfailures, -cov, -qt, -bdd, anyio...
const PLUGIN_INI = `asyncio_mode asyncio_default_fixture_loop_scope asyncio_default_test_loop_scope timeout
timeout_method timeout_func_only timeout_disable_debugger_detection session_timeout DJANGO_SETTINGS_MODULE
DJANGO_CONFIGURATION django_find_project django_debug_mode FAIL_INVALID_TEMPLATE_VARS env env_files
env_override_existing_values mock_use_standalone_module mock_traceback_monkeypatch rsyncdirs rsyncignore
looponfailroots reruns reruns_delay qt_api qt_default_raising qt_log_level_fail qt_log_ignore
qt_no_exception_capture bdd_features_base_dir spec_header_format spec_test_format spec_success_indicator
flakes-ignore mypy-ini-file benchmark_skip randomly_seed`;

// fastest's own (a fastest feature: its key is not reported as pytest's unknown option).
const FASTEST_INI = 'impact_deps';

const KNOWN = new Set(`${PYTEST_INI} ${PLUGIN_INI} ${FASTEST_INI}`.split(/\s+/));

/** The ini keys neither pytest nor a common plugin registers (pytest may warn of each). */
export function unregisteredIniKeys(ini: Record<string, unknown>): string[] {
  return Object.keys(ini).filter((key) => !KNOWN.has(key));
}
