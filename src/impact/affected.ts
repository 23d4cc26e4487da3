// Which tests a change can affect, and why: the tests whose import closure (the graph's
// dependencies, followed transitively, conftest.py chains included) holds a changed file, the
// tests impact_deps names for a changed file, and every test where nothing can say less.
import type { ImportGraph } from '../discovery/import-graph.js';
import type { TestItem } from '../types.js';
import { underTestPath, type ImpactRule } from './deps.js';

export interface Impact {
  /** Selected item id -> why (one line). Items not in it are not affected. */
  reasons: Map<string, string>;
  /** Why every test is selected, when a change can't be narrowed down. */
  everything: string | null;
}

const CONFIG_FILES = new Set(['pytest.ini', '.pytest.ini', 'setup.cfg', 'tox.ini', 'pyproject.toml']);
const PYTHON_SOURCE = /\.pyi?$/;

/** Multi-source reverse walk: file -> the next file on its way to a changed one (itself when changed). */
function dependents(graph: ImportGraph, sources: string[]): Map<string, string> {
  const reverse = new Map<string, string[]>();
  for (const [file, deps] of graph.deps) {
    for (const dep of deps) {
      let list = reverse.get(dep);
      if (!list) reverse.set(dep, (list = []));
      list.push(file);
    }
  }
  const toward = new Map<string, string>(sources.map((s) => [s, s]));
  let frontier = [...sources];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const file of frontier) {
      for (const user of reverse.get(file) ?? []) {
        if (toward.has(user)) continue;
        toward.set(user, file);
        next.push(user);
      }
    }
    frontier = next;
  }
  return toward;
}

function chainOf(file: string, toward: Map<string, string>): string[] {
  const chain = [file];
  for (let at = file; toward.get(at) !== at;) {
    at = toward.get(at)!;
    chain.push(at);
  }
  return chain;
}

export interface ImpactInput {
  items: TestItem[];
  graph: ImportGraph;
  /** rootdir-relative changed paths. */
  changed: string[];
  rules: ImpactRule[];
  /** rootdir-relative config file in use, if any. */
  inifile: string | null;
}

export function affectedTests({ items, graph, changed, rules, inifile }: ImpactInput): Impact {
  const reasons = new Map<string, string>();
  const byFile = new Map<string, TestItem[]>();
  for (const item of items) {
    let list = byFile.get(item.file);
    if (!list) byFile.set(item.file, (list = []));
    list.push(item);
  }
  const select = (files: Iterable<string>, why: (file: string) => string) => {
    for (const file of files) for (const item of byFile.get(file) ?? []) if (!reasons.has(item.id)) reasons.set(item.id, why(file));
  };
  let everything: string | null = null;
  const pythonChanges: string[] = [];
  let unexplainedPython: string | null = null;
  for (const file of changed) {
    const matched = rules.filter((rule) => rule.matches(file));
    if (byFile.has(file)) select([file], () => `${file} changed`);
    for (const rule of matched) {
      select(
        [...byFile.keys()].filter((f) => rule.testPaths.some((p) => underTestPath(f, p))),
        () => `impact_deps '${rule.glob}' matches ${file}`,
      );
    }
    if (PYTHON_SOURCE.test(file)) {
      pythonChanges.push(file);
      if (matched.length === 0) unexplainedPython ??= file;
    } else if (!byFile.has(file) && matched.length === 0 && everything === null) {
      const kind = CONFIG_FILES.has(file.slice(file.lastIndexOf('/') + 1)) || file === inifile ? 'a config file' : 'not a Python file';
      everything = `${file} changed (${kind}, not in impact_deps)`;
    }
  }
  if (pythonChanges.length > 0) {
    const toward = dependents(graph, pythonChanges);
    select(
      [...byFile.keys()].filter((f) => toward.has(f) && toward.get(f) !== f),
      (f) => {
        const chain = chainOf(f, toward);
        return `depends on ${chain[chain.length - 1]}: ${chain.join(' -> ')}`;
      },
    );
  }
  // A module loaded by a run-time name could be any changed one.
  const unknown = [...graph.dynamic, ...graph.unreadable];
  if (unexplainedPython !== null && unknown.length > 0) {
    const toward = dependents(graph, unknown);
    select(
      [...byFile.keys()].filter((f) => toward.has(f)),
      (f) => {
        const chain = chainOf(f, toward);
        const loader = chain[chain.length - 1];
        return `${loader} imports modules named at run time (${unexplainedPython} changed): ${chain.join(' -> ')}`;
      },
    );
  }
  if (everything !== null) {
    for (const item of items) if (!reasons.has(item.id)) reasons.set(item.id, `every test: ${everything}`);
  }
  return { reasons, everything };
}
