"""The session side of `--cov` (pytest-cov's interface, coverage.py as the engine).

    python -m fastest_worker.coverage_session prepare SPEC_JSON
        before the workers save anything: coverage.py importable, its configuration readable,
        the previous data erased unless --cov-append (pytest-cov's Central.start).
    python -m fastest_worker.coverage_session finish SPEC_JSON
        after the last worker has saved: combine every data file, then pytest-cov's reports
        (its CovController.summary and terminal summary), as JSON on stdout.
    python -m fastest_worker.coverage_session datafile SPEC_JSON
        the path of the (combined) data file the configuration names.
    python -m fastest_worker.coverage_session combine [--spec JSON] OUT_DIR DATA_FILE...
        shards: combine data files from several runs into OUT_DIR/.coverage, coverage.xml
        (Cobertura) and lcov.info; prints the totals as JSON. JSON (the Action's merge): `config`
        (--cov-config), `roots` (the project directories the shards ran in, mapped onto the
        current one), `failUnder` and `precision` (the fail-under verdict, as pytest-cov's).

SPEC_JSON is the object the Node side builds (src/coverage/options.ts): source, branch, config,
reports, failUnder, precision, append, noCovOnFail, topdir, width, testsFailed.
Exit status 4 with one line on stderr when coverage.py is missing or its configuration is
broken (pytest's usage-error code).
"""

import io
import json
import os
import shutil
import sys


class _NullFile:
    @staticmethod
    def write(text):
        pass


def _usage_error(message):
    sys.stderr.write(message.rstrip("\n").splitlines()[0] + "\n")
    return 4


def _import_coverage():
    try:
        import coverage
    except ImportError:
        return None
    return coverage


MISSING = ("--cov needs coverage.py, which %s cannot import: "
           "install it with `%s -m pip install coverage` (or pytest-cov)")


def _sep(stream, sepchar, text, width):
    """pytest-cov's CovController.sep for a stream without `sep` (its report is a StringIO)."""
    fullwidth = width
    if sys.platform == "win32":
        fullwidth -= 1
    n = max((fullwidth - len(text) - 2) // (2 * len(sepchar)), 1)
    fill = sepchar * n
    line = "%s %s %s" % (fill, text, fill)
    if len(line) + len(sepchar.rstrip()) <= fullwidth:
        line += sepchar.rstrip()
    stream.write(line + "\n\n")


def _terminal_width(spec):
    width = spec.get("width")
    if not width:
        width, _ = shutil.get_terminal_size(fallback=(80, 24))
    return 80 if width < 40 else width


def _node_desc():
    return "platform {}, python {}".format(sys.platform, "{}.{}.{}-{}-{}".format(*sys.version_info[:5]))


def _in_topdir(spec):
    topdir = spec.get("topdir")
    if topdir:
        os.chdir(topdir)


def prepare(spec):
    """pytest-cov's Central.start without starting: read the configuration, erase old data."""
    from .coverage_measure import make_coverage
    from coverage.exceptions import CoverageException

    _in_topdir(spec)
    try:
        cov = make_coverage(spec, data_suffix=True)
        if not spec.get("append"):
            cov.erase()
    except CoverageException as e:
        return _usage_error("coverage: %s" % e)
    result = {"dataFile": os.path.abspath(cov.config.data_file)}
    if cov.config.dynamic_context == "test_function":
        result["warning"] = (
            "Detected dynamic_context=test_function in coverage configuration. "
            "This is unnecessary as this plugin provides the more complete --cov-context option.")
    sys.stdout.write(json.dumps(result))
    return 0


def _combined(spec):
    """pytest-cov's combining_cov after finish(): every data file combined into the data file."""
    import coverage
    from coverage.sqldata import filename_suffix
    from .coverage_measure import make_coverage

    base = make_coverage(spec, data_suffix=True)
    combining = coverage.Coverage(
        source=spec.get("source"), branch=spec.get("branch"),
        data_suffix="%s.combine" % filename_suffix(True),
        data_file=os.path.abspath(base.config.data_file),
        config_file=spec.get("config") or ".coveragerc")
    combining.load()
    combining.combine()
    combining.save()
    return combining


def _summary(cov, spec, stream):
    """pytest-cov 7's CovController.summary, for the one platform the workers ran on."""
    reports = spec.get("reports") or {}
    precision = spec["precision"]
    width = _terminal_width(spec)
    total = cov.report(ignore_errors=True, output_format="total", precision=precision, file=_NullFile)
    _sep(stream, "_", "coverage: %s" % _node_desc(), width)
    if "term" in reports or "term-missing" in reports:
        skip_covered = "skip-covered" in reports.values()
        cov.report(show_missing=("term-missing" in reports) or None, ignore_errors=True, file=stream,
                   precision=precision, skip_covered=skip_covered or None)
    if "annotate" in reports:
        directory = reports["annotate"]
        cov.annotate(ignore_errors=True, directory=directory)
        cov.report(ignore_errors=True, file=_NullFile)
        if directory:
            stream.write("Coverage annotated source written to dir %s\n" % directory)
        else:
            stream.write("Coverage annotated source written next to source\n")
    if "html" in reports:
        output = reports["html"]
        cov.html_report(ignore_errors=True, directory=output)
        stream.write("Coverage HTML written to dir %s\n" % (cov.config.html_dir if output is None else output))
    if "xml" in reports:
        output = reports["xml"]
        cov.xml_report(ignore_errors=True, outfile=output)
        stream.write("Coverage XML written to file %s\n" % (cov.config.xml_output if output is None else output))
    if "json" in reports:
        output = reports["json"]
        cov.json_report(ignore_errors=True, outfile=output)
        stream.write("Coverage JSON written to file %s\n" % (cov.config.json_output if output is None else output))
    if "markdown" in reports:
        output = reports["markdown"]
        with open(output, "w") as f:
            cov.report(ignore_errors=True, file=f, output_format="markdown")
        stream.write("Coverage Markdown information written to file %s\n" % output)
    if "markdown-append" in reports:
        output = reports["markdown-append"]
        with open(output, "a") as f:
            cov.report(ignore_errors=True, file=f, output_format="markdown")
        stream.write("Coverage Markdown information appended to file %s\n" % output)
    if "lcov" in reports:
        output = reports["lcov"]
        cov.lcov_report(ignore_errors=True, outfile=output)
        cov.report(ignore_errors=True, file=_NullFile)
        stream.write("Coverage LCOV written to file %s\n" % (cov.config.lcov_output if output is None else output))
    return total


def finish(spec):
    """pytest-cov's end of pytest_runtestloop and its pytest_terminal_summary, as data for the
    console: `failure` (its `ERROR: Coverage failure` line, written right after the run),
    `warning` (a report that could not be made), `report` (the section's text), `required` (the
    fail-under verdict line), `failed` (the run's exit code becomes 1)."""
    from coverage.exceptions import CoverageException
    from coverage.results import display_covered, should_fail_under

    _in_topdir(spec)
    out = {"failure": None, "warning": None, "report": "", "required": None, "failed": False, "total": None}
    try:
        cov = _combined(spec)
    except CoverageException as e:
        return _usage_error("coverage: %s" % e)
    fail_under = spec.get("failUnder")
    if fail_under is None:
        fail_under = getattr(cov.config, "fail_under", None)
    precision = spec.get("precision")
    if precision is None:
        precision = getattr(cov.config, "precision", 0)
    spec = dict(spec, precision=precision)
    reports = spec.get("reports") or {}
    if not ((reports or fail_under) and not (spec.get("testsFailed") and spec.get("noCovOnFail"))):
        sys.stdout.write(json.dumps(out))
        return 0
    stream = io.StringIO()
    try:
        total = _summary(cov, spec, stream)
    except CoverageException as e:
        out["warning"] = "Failed to generate report: %s\n" % e
        total = 0
    out["total"] = total
    out["report"] = stream.getvalue()
    if fail_under is not None and not spec.get("collectOnly"):
        if should_fail_under(total, fail_under, precision):
            out["failure"] = "Coverage failure: total of {total} is less than fail-under={fail_under:.{p}f}".format(
                total=display_covered(total, precision), fail_under=fail_under, p=precision)
            out["failed"] = True
    if fail_under is not None and fail_under > 0:
        failed = total < fail_under
        out["required"] = {
            "text": "{fail}Required test coverage of {required}% {reached}. Total coverage: {actual:.2f}%\n".format(
                required=fail_under, actual=total, fail="FAIL " if failed else "",
                reached="not reached" if failed else "reached"),
            "failed": failed,
        }
    sys.stdout.write(json.dumps(out))
    return 0


def combine_files(out_dir, data_files, spec=None):
    """Shards: the data files of several runs (each a combined `.coverage` of one job) into
    OUT_DIR/.coverage, then coverage.xml (Cobertura), lcov.info and coverage.json beside it. Returns the totals
    and, per file, statements, missing lines and branches (for a summary table)."""
    import coverage

    spec = spec or {}
    os.makedirs(out_dir, exist_ok=True)
    data_file = os.path.join(out_dir, ".coverage")
    if os.path.exists(data_file):
        os.remove(data_file)
    cov = coverage.Coverage(data_file=data_file, config_file=spec.get("config") or ".coveragerc")
    roots = [r for r in spec.get("roots") or [] if r != os.getcwd()]
    if roots:
        # Each job's checkout may sit elsewhere (self-hosted runners, containers): its files are
        # the same files here. The user's own [paths] aliases stay, ours come first.
        paths = {"fastest-shards": [os.getcwd()] + roots}
        user_paths = cov.get_option("paths")
        if isinstance(user_paths, dict):
            paths.update(user_paths)
        cov.set_option("paths", paths)
    cov.combine([os.path.abspath(f) for f in data_files], strict=True, keep=True)
    cov.save()
    precision = spec.get("precision")
    if precision is None:
        precision = getattr(cov.config, "precision", 0)
    with io.StringIO() as sink:
        total = cov.report(ignore_errors=True, file=sink, precision=precision)
    cov.xml_report(ignore_errors=True, outfile=os.path.join(out_dir, "coverage.xml"))
    cov.lcov_report(ignore_errors=True, outfile=os.path.join(out_dir, "lcov.info"))
    json_path = os.path.join(out_dir, "coverage.json")
    cov.json_report(ignore_errors=True, outfile=json_path)
    with open(json_path, encoding="utf-8") as f:
        measured = json.load(f).get("files", {})
    files = []
    for name, entry in sorted(measured.items()):
        summary = entry.get("summary", {})
        files.append({"file": name, "statements": summary.get("num_statements", 0),
                      "missing": summary.get("missing_lines", 0),
                      "branches": summary.get("num_branches", 0),
                      "partialBranches": summary.get("num_partial_branches", 0),
                      "percent": summary.get("percent_covered", 0.0)})
    result = {"total": total, "dataFile": data_file, "files": files}
    result.update(_fail_under_verdict(cov, total, spec.get("failUnder"), precision))
    return result


def _fail_under_verdict(cov, total, fail_under, precision):
    """pytest-cov's fail-under lines for a combined total: `failure` (its `Coverage failure: …`)
    and `required` (`[FAIL ]Required test coverage of N% …`), as `finish` writes them."""
    from coverage.results import display_covered, should_fail_under

    if fail_under is None:
        fail_under = getattr(cov.config, "fail_under", None)
    out = {"totalText": display_covered(total, precision), "precision": precision,
           "failUnder": fail_under, "failure": None, "required": None}
    if fail_under is None:
        return out
    if should_fail_under(total, fail_under, precision):
        out["failure"] = "Coverage failure: total of {total} is less than fail-under={fail_under:.{p}f}".format(
            total=display_covered(total, precision), fail_under=fail_under, p=precision)
    if fail_under > 0:
        failed = total < fail_under
        out["required"] = "{fail}Required test coverage of {required}% {reached}. Total coverage: {actual:.2f}%".format(
            required=fail_under, actual=total, fail="FAIL " if failed else "",
            reached="not reached" if failed else "reached")
    return out


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        return _usage_error("usage: coverage_session prepare|finish SPEC | combine OUT_DIR FILE...")
    command = argv[0]
    if _import_coverage() is None:
        return _usage_error(MISSING % (sys.executable, sys.executable))
    if command == "combine":
        from coverage.exceptions import CoverageException

        rest = argv[1:]
        spec = None
        if rest[:1] == ["--spec"]:
            spec = json.loads(rest[1])
            rest = rest[2:]
        try:
            result = combine_files(rest[0], rest[1:], spec)
        except CoverageException as e:
            return _usage_error("coverage: %s" % e)
        sys.stdout.write(json.dumps(result))
        return 0
    spec = json.loads(argv[1])
    if command == "datafile":
        from .coverage_measure import make_coverage

        _in_topdir(spec)
        sys.stdout.write(json.dumps({"dataFile": os.path.abspath(make_coverage(spec).config.data_file)}))
        return 0
    if command == "prepare":
        return prepare(spec)
    if command == "finish":
        return finish(spec)
    return _usage_error("unknown command %r" % command)


if __name__ == "__main__":
    sys.exit(main())
