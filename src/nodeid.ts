// The parts of a pytest node id, `path::Class::name[parameters]`, for every stage. Class and
// function names are Python identifiers, so the parameters start at the first `[` after the path;
// they may hold `::` and `[` themselves (`t.py::test[a::b]`), and a path may hold `[`.
// Node-id *arguments* on the command line are resolved in select/nodeid.ts.

/** Where the parameters start (their `[`), or -1 when the id has none. */
export function paramStart(id: string): number {
  const afterPath = id.indexOf('::');
  return afterPath < 0 ? -1 : id.indexOf('[', afterPath);
}

/** The id without its parameters: `t.py::test[a::b]` -> `t.py::test`. */
export function baseId(id: string): string {
  const bracket = paramStart(id);
  return bracket < 0 ? id : id.slice(0, bracket);
}

/** Whether the rootdir-relative `path` (a file) is the collector `dir` or lies below it ('' is the rootdir). */
export function pathContains(dir: string, path: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}

/** The module path: `a/t.py::C::test[1]` -> `a/t.py`. */
export function pathOfId(id: string): string {
  const sep = id.indexOf('::');
  return sep < 0 ? id : id.slice(0, sep);
}

/**
 * The collectors that contain the item, innermost first: `t.py::C::test[a::b]` -> `t.py::C`,
 * `t.py`. Cut at the last `::` outside the parameters.
 */
export function containerIds(id: string): string[] {
  const out: string[] = [];
  let prefix = baseId(id);
  for (let cut = prefix.lastIndexOf('::'); cut > 0; cut = prefix.lastIndexOf('::')) {
    prefix = prefix.slice(0, cut);
    out.push(prefix);
  }
  return out;
}

/** The id, its id without parameters, and its containers: every id a plan may list for it. */
export function coveringIds(id: string): string[] {
  const base = baseId(id);
  return base === id ? [id, ...containerIds(id)] : [id, base, ...containerIds(id)];
}
