"""pytest's own parser as a probe: `python -m fastest_worker.option_check ARGS...`.

Run in the invocation directory with the user's command line (fastest's own flags removed). pytest
reads the ini addopts and PYTEST_ADDOPTS, loads the installed plugins, `-p` plugins and the initial
conftest files, and parses everything, as `pytest ARGS` would. Prints one JSON object:

  {"status": "usage", "messages": [...]}   pytest refused the arguments (its UsageError)
  {"status": "pytest"}                     pytest would fail otherwise (a conftest that does not
                                           import, a `-p` plugin that is missing, a config warning
                                           a filter makes an error): let real pytest say it
  {"status": "ok", "options": {name: "none"|"one"|"optional"}, "unknownIni": [...], "strictConfig": bool,
   "configWarnings": [{"message", "filename", "lineno"}], "inputs": [path, ...]}

`inputs`: what the answer was made from, for Node to keep it until one of them changes
(cli/option-route.ts): the file of every module loaded outside the standard library (pytest, its
plugins, the conftest files and what they import) and the import path's directories (installing
or removing a distribution changes its directory).

`configWarnings`: what pytest's configuration warns of (`PytestConfigWarning: Unknown config option:
X`), as its warnings summary shows them; pytest checks the ini keys after collection, here after
the initial conftests (an ini key a deeper conftest registers is reported unknown).
"""

import json
import os
import sys


def _arity(action):
    nargs = action.nargs
    if nargs == 0:
        return "none"
    if nargs == "?":
        return "optional"
    return "one"


def _strict_config(config):
    """pytest's own test: the strict_config ini, else the strict ini (pytest 9); before pytest 9,
    which has neither, the --strict-config flag as parsed with the addopts."""
    try:
        value = config.getini("strict_config")
    except ValueError:
        return bool(getattr(config.known_args_namespace, "strict_config", False))
    if value is None:
        try:
            value = config.getini("strict")  # pytest 9
        except ValueError:
            value = False
    return bool(value)


class _ConfigWarningIsError(Exception):
    """A warning filter (-W, the filterwarnings ini) makes a config warning an error: pytest's run
    ends in an INTERNALERROR once it has collected."""


def _config_warnings(config):
    """The warnings pytest records while configuring (`when == "config"`), ini keys checked."""
    from _pytest.warnings import warning_record_to_str

    recorded = []

    class _Recorder:
        def pytest_warning_recorded(self, warning_message, when):
            if when == "config":
                recorded.append({"message": warning_record_to_str(warning_message),
                                 "filename": str(warning_message.filename), "lineno": warning_message.lineno})

    config.pluginmanager.register(_Recorder(), "fastest-config-warnings")
    try:
        config._validate_config_options()
    except Warning as e:
        raise _ConfigWarningIsError() from e
    except Exception:  # a strict refusal is pytest's to make
        pass
    return recorded


def _inputs(rootpath):
    import sysconfig

    stdlib = tuple({os.path.join(os.path.realpath(sysconfig.get_paths()[name]), "") for name in ("stdlib", "platstdlib")})
    project = os.path.join(os.path.realpath(str(rootpath)), "")

    def installed(real):
        return not {"site-packages", "dist-packages"}.isdisjoint(real.split(os.sep))

    # The import path's directories outside the project (where distributions are installed): a
    # project directory on it changes with every file made there (.fastest, .coverage, reports).
    paths = set()
    for entry in sys.path:
        real = os.path.join(os.path.realpath(entry), "") if entry else ""
        if real and os.path.isdir(real) and (not real.startswith(project) or installed(real)):
            paths.add(os.path.abspath(entry))
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if isinstance(file, str):
            real = os.path.realpath(file)
            if not real.startswith(stdlib) or installed(real):
                paths.add(os.path.abspath(file))
    return sorted(paths)


def probe(argv):
    # pytest's usage text names the program it was started as: `pytest`, as the user would type it.
    sys.argv[0] = "pytest"
    import pytest
    from _pytest.config import _prepareconfig
    from _pytest.config.exceptions import UsageError

    os.environ["PYTEST_VERSION"] = pytest.__version__
    try:
        config = _prepareconfig(list(argv))
    except UsageError as e:
        return {"status": "usage", "messages": [str(m) for m in e.args]}
    except BaseException:  # real pytest reports it in its own words
        return {"status": "pytest"}
    try:
        options = {}
        parser = config._parser
        argparser = getattr(parser, "optparser", None) or parser._getparser()  # pytest 9 / 8
        for action in argparser._actions:
            for name in action.option_strings:
                options[name] = _arity(action)
        strict = _strict_config(config)
        unknown = sorted(config._get_unknown_ini_keys()) if strict else []
        try:
            warned = [] if strict else _config_warnings(config)
        except _ConfigWarningIsError:
            return {"status": "pytest"}
        result = {"status": "ok", "options": options, "unknownIni": unknown, "strictConfig": strict,
                  "configWarnings": warned}
        try:
            result["inputs"] = _inputs(config.rootpath)
        except Exception:  # Node keeps no answer whose inputs it cannot check
            pass
        return result
    finally:
        config._ensure_unconfigure()


def main(argv):
    result = probe(argv)
    sys.stdout.write(json.dumps(result))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
