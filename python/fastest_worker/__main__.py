"""`python -m fastest_worker`: the worker process (docs/protocol.md)."""
import sys

if sys.version_info < (3, 9):
    sys.stderr.write("fastest needs Python >= 3.9, found %d.%d.%d (%s)\n"
                     % (sys.version_info[:3] + (sys.executable,)))
    sys.exit(3)


def _restore_user_environment():
    """Node starts workers with bytecode writing on and pointed at .fastest/pycache (so that with
    PYTHONDONTWRITEBYTECODE=1 imports are not compiled from source on every run, and nothing is
    written beside the user's sources); tests and their subprocesses see the environment as the
    user set it."""
    import json
    import os

    saved = os.environ.pop("FASTEST_SAVED_PYTHON_ENV", None)
    if saved is None:
        return
    os.environ.pop("PYTHONPYCACHEPREFIX", None)
    os.environ.update(json.loads(saved))  # {name: value} (src/runner/python.ts)


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


def _restore_user_pythonpath():
    """Node puts fastest_worker's directory first on PYTHONPATH; once Python has read it into
    sys.path, tests and the Pythons they start see the PYTHONPATH the user set, or none."""
    import json
    import os

    saved = os.environ.pop("FASTEST_USER_PYTHONPATH", None)
    if saved is None:
        return
    user = json.loads(saved)
    if user is None:
        os.environ.pop("PYTHONPATH", None)
    else:
        os.environ["PYTHONPATH"] = user


_restore_user_environment()
_restore_user_pythonpath()
_use_node_pycache_prefix()
_count_cache_fill()

if sys.argv[1:2] == ["--warm-parent"]:
    from fastest_worker.warm_parent import main

    sys.exit(main())
else:
    from fastest_worker.ending import end_now
    from fastest_worker.worker import main

    end_now(main())
