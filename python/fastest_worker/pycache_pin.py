"""`python -m fastest_worker.pycache_pin DIR`: makes the bytecode the workers wrote under their
pycache prefix (.fastest/pycache, see runner/python.ts) valid in another checkout. Python checks
such a .pyc against its source's mtime and size, and a fresh checkout or a fresh install gives
every source a new mtime: each .pyc whose header still matches its source gets a checked-hash
header instead (PEP 552), its code unchanged. Python then checks it by the source's content and
keeps using it. The GitHub Action does this before it caches a run job's state (action/run.ts)."""

import importlib.util
import os
import struct
import sys

_FLAGS_CHECKED_HASH = 0b11


def pin(prefix):
    """Returns (pinned, already, skipped)."""
    sys.pycache_prefix = os.path.abspath(prefix)
    magic = importlib.util.MAGIC_NUMBER
    pinned = already = skipped = 0
    for directory, _dirs, files in os.walk(prefix):
        for name in files:
            if not name.endswith(".pyc"):
                continue
            pyc = os.path.join(directory, name)
            try:
                source = importlib.util.source_from_cache(os.path.abspath(pyc))
                with open(pyc, "rb") as f:
                    data = f.read()
                if len(data) < 16 or data[:4] != magic:
                    skipped += 1
                    continue
                flags = struct.unpack("<I", data[4:8])[0]
                with open(source, "rb") as f:
                    source_bytes = f.read()
                if flags & 0b1:
                    already += 1
                    continue
                mtime, size = struct.unpack("<II", data[8:16])
                stat = os.stat(source)
                if mtime != (int(stat.st_mtime) & 0xFFFFFFFF) or size != (stat.st_size & 0xFFFFFFFF):
                    skipped += 1  # stale: its code is not this source's
                    continue
                header = magic + struct.pack("<I", _FLAGS_CHECKED_HASH) + importlib.util.source_hash(source_bytes)
                tmp = pyc + ".pin-tmp"
                with open(tmp, "wb") as f:
                    f.write(header + data[16:])
                os.replace(tmp, pyc)
                pinned += 1
            except (OSError, ValueError):
                skipped += 1
    return pinned, already, skipped


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write("usage: python -m fastest_worker.pycache_pin DIR\n")
        sys.exit(2)
    counts = pin(sys.argv[1])
    sys.stdout.write("%d pinned, %d already, %d skipped\n" % counts)
