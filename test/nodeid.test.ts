// The one node-id module, and the stages that used to split ids their own way: a parameter id may
// hold `::` (`t.py::test[a::b]`, boltons' IPv6 URLs), and a path may hold `[`.
import { describe, expect, it } from 'vitest';
import { baseId, containerIds, coveringIds, paramStart, pathOfId } from '../src/nodeid.js';
import { coveringIds as poolCoveringIds } from '../src/runner/pool.js';
import { planLastFailed } from '../src/select/lastfailed.js';
import type { TestItem } from '../src/types.js';

describe('node ids', () => {
  it('cut the parameters at the first [ after the path, containers at the last :: outside them', () => {
    expect(baseId('t.py::test[a::b]')).toBe('t.py::test');
    expect(paramStart('t.py::test[a::b]')).toBe(10);
    expect(containerIds('t.py::C::test[a::b]')).toEqual(['t.py::C', 't.py']);
    expect(coveringIds('t.py::C::test[a::b]')).toEqual(['t.py::C::test[a::b]', 't.py::C::test', 't.py::C', 't.py']);
    expect(baseId('d[x]/t.py::test')).toBe('d[x]/t.py::test');
    expect(baseId('d[x]/t.py::test[1]')).toBe('d[x]/t.py::test');
    expect(pathOfId('d[x]/t.py::C::test[a::b]')).toBe('d[x]/t.py');
    expect(baseId('t.py')).toBe('t.py');
    expect(containerIds('t.py')).toEqual([]);
  });

  it('the worker pool counts a planned dynamic item as run by its expansion holding ::', () => {
    const covered = poolCoveringIds(['t.py::test[a::b]']);
    expect([...covered].sort()).toEqual(['t.py', 't.py::test', 't.py::test[a::b]']);
  });

  it('--lf narrows a dynamic item to its failed expansion whose parameters hold ::', () => {
    const dynamic: TestItem = { id: 't.py::test', file: 't.py', line: 1, classes: [], function: 'test', marks: [], dynamic: true };
    const other: TestItem = { id: 't.py::test_other', file: 't.py', line: 5, classes: [], function: 'test_other', marks: [], dynamic: false };
    const plan = planLastFailed([dynamic, other], new Set(['t.py::test[a::b]']), 'lf');
    expect(plan.items.map((i) => i.id)).toEqual(['t.py::test']);
    expect(plan.narrowIds.get('t.py::test')).toEqual(['t.py::test[a::b]']);
  });
});
