"""`python -m fastest_worker`: the worker process (docs/protocol.md)."""
import sys

if sys.version_info < (3, 9):
    sys.stderr.write("fastest needs Python >= 3.9, found %d.%d.%d (%s)\n"
                     % (sys.version_info[:3] + (sys.executable,)))
    sys.exit(3)


def _restore_user_environment():
    """Node starts workers with fastest_worker first on PYTHONPATH and, under
    PYTHONDONTWRITEBYTECODE=1 with the user's own PYTHONPYCACHEPREFIX, bytecode writing on: once
    Python has read them, tests and the Pythons they start see the environment as the user set
    it ({name: value, or None for unset}; src/runner/python.ts)."""
    import json
    import os

    saved = os.environ.pop("FASTEST_SAVED_PYTHON_ENV", None)
    if saved is None:
        return
    for name, value in json.loads(saved).items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def _use_node_pycache_prefix():
    """Under PYTHONDONTWRITEBYTECODE=1 Node passes .fastest/pycache as FASTEST_PYCACHE_PREFIX
    (runner/python.ts), not as PYTHONPYCACHEPREFIX: the interpreter's own start-up (site, .pth
    files) then reads the bytecode installed beside the standard library instead of compiling it
    into an empty prefix, and writes nothing. From here on imports write to the prefix, with the
    installed bytecode still preferred (installed_bytecode.py)."""
    import os

    prefix = os.environ.pop("FASTEST_PYCACHE_PREFIX", None)
    if not prefix:
        return
    from fastest_worker.installed_bytecode import install  # (before the prefix: one of fastest's own)

    sys.pycache_prefix = prefix
    sys.dont_write_bytecode = False
    install()


def _count_cache_fill():
    from fastest_worker import cache_fill

    cache_fill.install()


_restore_user_environment()
_use_node_pycache_prefix()
_count_cache_fill()

if sys.argv[1:2] == ["--warm-parent"]:
    from fastest_worker.warm_parent import main

    sys.exit(main())
else:
    from fastest_worker.ending import end_now
    from fastest_worker.worker import main

    end_now(main())
