// The stages import one way (docs/ARCHITECTURE.md, "Stages"): no import from a later stage into an
// earlier one, no import cycle between files, in src/; and no import cycle between the modules of
// python/fastest_worker. Every import counts: type-only ones in TypeScript, lazy ones (inside a
// function) in Python.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

/** The stages, earliest first: a file may import its own stage's files and earlier stages' only. */
export const STAGES = ['types', 'memo', 'config', 'discovery', 'impact', 'select', 'shard', 'runner', 'coverage', 'report', 'merge', 'cli', 'action'] as const;

/** `src/types.ts` and `src/nodeid.ts` are the shared vocabulary: the first stage. */
function stageOf(file: string): string {
  const parts = relative(src, file).split(sep);
  return parts.length === 1 ? 'types' : (parts[0] ?? '');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** file -> the files of src/ it imports (static, dynamic, type-only and re-exports). */
function tsImports(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((ref) => ref.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
    graph.set(file, targets);
  }
  return graph;
}

/** The strongly connected components of more than one node (Tarjan): the cycles. */
export function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('src/ imports', () => {
  const graph = tsImports();
  const name = (file: string) => relative(root, file);

  it('the cycle finder finds cycles', () => {
    const toy = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a', 'd']],
      ['e', ['a']],
    ]);
    expect(cycles(toy)).toEqual([['a', 'b', 'c'], ['d']]);
    expect(graph.get(join(src, 'cli', 'main.ts'))).toContain(join(src, 'cli', 'plan.ts'));
  });

  it('every file is in a stage', () => {
    const unknown = [...graph.keys()].filter((file) => !(STAGES as readonly string[]).includes(stageOf(file)));
    expect(unknown.map(name)).toEqual([]);
  });

  it('no stage imports a later stage', () => {
    const backward: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const from = STAGES.indexOf(stageOf(file) as (typeof STAGES)[number]);
        const to = STAGES.indexOf(stageOf(target) as (typeof STAGES)[number]);
        if (to > from) backward.push(`${name(file)} (${stageOf(file)}) -> ${name(target)} (${stageOf(target)})`);
      }
    }
    expect(backward).toEqual([]);
  });

  it('no import cycle between files', () => {
    expect(cycles(graph).map((cycle) => cycle.map(name))).toEqual([]);
  });
});

describe('python/fastest_worker imports', () => {
  const listing = spawnSync('python3', [join(root, 'test', 'helpers', 'python_imports.py'), join(root, 'python', 'fastest_worker')], { encoding: 'utf8' });
  const edges = JSON.parse(listing.stdout || '[]') as [string, string][];
  const graphOf = (kept: [string, string][]): Map<string, string[]> => {
    const graph = new Map<string, string[]>();
    for (const [from, to] of kept) graph.set(from, [...(graph.get(from) ?? []), to]);
    return graph;
  };
  // The engines import cancel_requested back from the worker; issue 14 ("one result path")
  // removes these edges. While they exist the whole check is skipped, the rest still runs.
  const engineToWorker = (edge: [string, string]) => edge[1] === 'fastest_worker.worker' && /^fastest_worker\.(engine_pytest|native\.engine)$/.test(edge[0]);
  const engineCyclePresent = edges.some(engineToWorker);

  it('the import listing ran', () => {
    expect(listing.status, listing.stderr).toBe(0);
    expect(edges.length).toBeGreaterThan(10);
  });

  it('no import cycle besides the engines -> worker edges being removed', () => {
    expect(cycles(graphOf(edges.filter((edge) => !engineToWorker(edge))))).toEqual([]);
  });

  it.skipIf(engineCyclePresent)('no import cycle between modules', () => {
    expect(cycles(graphOf(edges))).toEqual([]);
  });
});
