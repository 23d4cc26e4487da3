#!/bin/bash
# A simulated GitHub Actions run job (issue 17 item 2): the default branch's run left `.fastest`
# behind (the Action's run state: bytecode pinned by fastest_worker.pycache_pin), and the job
# restores it onto a fresh checkout and a fresh install of the same packages. Here: the project
# and its venv are copied to /tmp/fastest-ci-job/NAME-BUILD, fastest runs there twice (the default
# branch's jobs) and the pycache is pinned; then, each round, the copy is moved aside and copied
# back: the project's files get new inodes and times (a checkout), the venv's files new inodes
# with their times kept (pip writes bytecode that matches its sources), `.fastest` comes back
# whole (the Action's run state, memo/ included; with --base the base build's copy drops memo/, as
# the Action left it out before 621b9fd). Timed: fastest on that copy, each build alternately, and
# pytest once a round in the same state (PYTHONDONTWRITEBYTECODE=1, as on these machines: it
# compiles the project's modules, as a fresh checkout's pytest does).
#
# Usage: bash bench/ci-job.sh [--rounds N] [--base DIR] NAME...   (NAME: a /work/corpus project)
# Prints one line a run; a median line a project: pytest / fastest per round, then the median.
set -euo pipefail
ROUNDS=3
BASE=
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) ROUNDS=$2; shift 2 ;;
    --base) BASE=$(cd "$2" && pwd); shift 2 ;;
    *) break ;;
  esac
done
HERE=$(cd "$(dirname "$0")/.." && pwd)
CORPUS=${CORPUS_ROOT:-/work/corpus}
WORK=/tmp/fastest-ci-job
unset NODE_EXTRA_CA_CERTS
export PYTHONDONTWRITEBYTECODE=1
mkdir -p "$WORK"
builds=(new); [ -n "$BASE" ] && builds=(base new)
cli() { [ "$1" = base ] && echo "$BASE/dist/cli.js" || echo "$HERE/dist/cli.js"; }

prepare() { # NAME BUILD: the default branch's run jobs
  local d=$WORK/$1-$2
  rm -rf "$d" "$d.orig"
  cp -a "$CORPUS/$1" "$d"
  rm -rf "$d/.fastest"
  # an editable install points at the copy's own sources
  local pth
  pth=$(ls "$d"/.venv/lib/python3*/site-packages/_corpus_src.pth 2>/dev/null || true)
  [ -n "$pth" ] && sed -i "s#^$CORPUS/$1#$d#" "$pth"
  for _ in 1 2; do (cd "$d" && PATH=$d/.venv/bin:$PATH node "$(cli "$2")" -q >/dev/null 2>&1 || true); done
  PYTHONPATH=$HERE/python "$d/.venv/bin/python" -m fastest_worker.pycache_pin "$d/.fastest/pycache" >/dev/null
}

fresh() { # NAME BUILD: the run job's checkout, install and restored state
  local d=$WORK/$1-$2 e
  rm -rf "$d.orig"
  mv "$d" "$d.orig"
  mkdir "$d"
  for e in $(ls -A "$d.orig"); do
    if [ "$e" = .venv ]; then cp -a "$d.orig/$e" "$d/"; else cp -r "$d.orig/$e" "$d/"; fi
  done
  if [ "$2" = base ]; then rm -rf "$d/.fastest/memo"; fi
  sleep 2.1 # past the 2 s in which a file's stamp cannot vouch for it
}

timed() { # LABEL DIR COMMAND...: one line "LABEL wall cpu | summary"
  local label=$1 dir=$2; shift 2
  (cd "$dir" && /usr/bin/time -o "$WORK/time" -f '%e %U %S' env PATH="$dir/.venv/bin:$PATH" "$@" >"$WORK/out" 2>&1 || true)
  read -r wall user sys < <(tail -1 "$WORK/time")
  echo "$label $wall $(echo "$user + $sys" | bc) | $(grep -v '^$' "$WORK/out" | tail -1 | sed 's/ in [0-9.]*s.*//; s/=//g')"
}

for name in "$@"; do
  for b in "${builds[@]}"; do prepare "$name" "$b"; done
  : >"$WORK/$name.times"
  for r in $(seq "$ROUNDS"); do
    for b in "${builds[@]}"; do
      fresh "$name" "$b"
      timed "$b" "$WORK/$name-$b" node "$(cli "$b")" -q | tee -a "$WORK/$name.times" | sed "s/^/$name round $r /"
    done
    timed pytest "$WORK/$name-new" python -m pytest -q | tee -a "$WORK/$name.times" | sed "s/^/$name round $r /"
  done
  python3 - "$WORK/$name.times" "$name" "${builds[@]}" <<'EOF'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
walls = {}
for row in rows:
    walls.setdefault(row[0], []).append(float(row[1]))
out = [sys.argv[2]]
for build in sys.argv[3:]:
    ratios = [p / f for p, f in zip(walls["pytest"], walls[build])]
    out.append("pytest/%s %.2fx (walls %s)" % (build, statistics.median(ratios), " ".join("%.2f" % w for w in walls[build])))
out.append("pytest walls %s" % " ".join("%.2f" % w for w in walls["pytest"]))
print(" | ".join(out))
EOF
done
