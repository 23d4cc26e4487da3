"""`python -m fastest_worker`: the worker process (docs/protocol.md)."""
import sys

if sys.version_info < (3, 9):
    sys.stderr.write("fastest needs Python >= 3.9, found %d.%d.%d (%s)\n"
                     % (sys.version_info[:3] + (sys.executable,)))
    sys.exit(3)

from fastest_worker.worker import main  # noqa: E402

sys.exit(main())
