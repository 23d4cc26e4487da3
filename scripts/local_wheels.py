"""Wheels the package index lacks, made from what is on this machine (used by scripts/test-venv.sh).

  pure WHEEL OUTDIR            a py3-none-any wheel from a mypyc-compiled one that ships its .py
                               sources beside each compiled module (tomli's cp311 wheel, for 3.9)
  installed DIST VERSION OUTDIR  a wheel of an installed pure-Python distribution, from the
                               interpreter running this (pytest 9.0.3 from an environment that has it)

Prints the path of the wheel it wrote.
"""
import base64
import hashlib
import os
import sys
import zipfile
from importlib import metadata


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (name, digest, len(data))


def _write(out_path: str, files: "dict[str, bytes]", dist_info: str) -> None:
    record = dist_info + "/RECORD"
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as out:
        lines = []
        for name, data in files.items():
            if name == record:
                continue
            out.writestr(name, data)
            lines.append(_record_line(name, data))
        lines.append(record + ",,")
        out.writestr(record, "\n".join(lines) + "\n")


def _pure_wheel_file(generator: str) -> bytes:
    return ("Wheel-Version: 1.0\nGenerator: %s\nRoot-Is-Purelib: true\nTag: py3-none-any\n" % generator).encode()


def pure(wheel: str, outdir: str) -> str:
    files = {}
    with zipfile.ZipFile(wheel) as src:
        names = src.namelist()
        for name in names:
            if name.endswith((".so", ".pyd")):
                module = name.split(".", 1)[0]
                if "/" in name and module + ".py" not in names:
                    sys.exit("%s: %s has no Python source beside it" % (wheel, name))
                continue
            files[name] = src.read(name)
    dist_info = next(n.split("/", 1)[0] for n in names if n.split("/", 1)[0].endswith(".dist-info"))
    files[dist_info + "/WHEEL"] = _pure_wheel_file("scripts/local_wheels.py pure")
    dist, version = dist_info[: -len(".dist-info")].rsplit("-", 1)
    out_path = os.path.join(outdir, "%s-%s-py3-none-any.whl" % (dist, version))
    _write(out_path, files, dist_info)
    return out_path


def installed(dist_name: str, version: str, outdir: str) -> str:
    dist = metadata.distribution(dist_name)
    if dist.version != version:
        sys.exit("%s here is %s, not %s" % (dist_name, dist.version, version))
    files = {}
    dist_info = None
    for path in dist.files or []:
        name = str(path)
        if name.startswith("..") or "__pycache__" in name or name.endswith(".pyc"):
            continue
        if name.endswith((".so", ".pyd")):
            sys.exit("%s %s is not pure Python (%s)" % (dist_name, version, name))
        if name.split("/", 1)[0].endswith(".dist-info"):
            dist_info = name.split("/", 1)[0]
            if name.endswith(("/INSTALLER", "/REQUESTED", "/direct_url.json")):
                continue
        files[name] = path.read_binary()
    if dist_info is None:
        sys.exit("%s %s has no .dist-info" % (dist_name, version))
    files[dist_info + "/WHEEL"] = _pure_wheel_file("scripts/local_wheels.py installed")
    out_path = os.path.join(outdir, "%s-%s-py3-none-any.whl" % (dist_info[: -len(".dist-info")].rsplit("-", 1)[0], version))
    _write(out_path, files, dist_info)
    return out_path


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    print(pure(*args) if command == "pure" else installed(*args))
