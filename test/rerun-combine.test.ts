// What a later attempt of a CI run does with a shard's earlier JUnit: which planned ids run again,
// and the one JUnit file of both attempts.
import { describe, expect, it } from 'vitest';
import { parseJUnit } from '../src/merge/junit-read.js';
import { combineAttempts, rerunWork } from '../src/merge/rerun-combine.js';

const doc = (cases: string, props = ''): ReturnType<typeof parseJUnit> =>
  parseJUnit(`<testsuites><testsuite name="pytest">${props}${cases}</testsuite></testsuites>`, 'mem.xml');
const passed = (file: string, name: string): string =>
  `<testcase classname="${file.replace(/\.py$/, '').replace(/\//g, '.')}" name="${name}" file="${file}" time="0.1" />`;
const failed = (file: string, name: string, message: string): string =>
  `<testcase classname="${file.replace(/\.py$/, '').replace(/\//g, '.')}" name="${name}" file="${file}" time="0.2"><failure message="${message}">trace of ${message}</failure></testcase>`;

describe('rerunWork', () => {
  it('runs again what failed or has no result; a dynamic id is done when all its expansions passed; not-collected ids are done', () => {
    const planned = ['t/a.py::ok', 't/a.py::bad', 't/a.py::gone', 't/a.py::param', 't/a.py::param2', 't/a.py::nc'];
    const previous = doc(
      passed('t/a.py', 'ok') +
        failed('t/a.py', 'bad', 'boom') +
        passed('t/a.py', 'param[1]') +
        passed('t/a.py', 'param[2]') +
        passed('t/a.py', 'param2[1]') +
        failed('t/a.py', 'param2[2]', 'x'),
      '<properties><property name="fastest_not_collected" value="t/a.py::nc" /></properties>',
    );
    const work = rerunWork(planned, previous);
    expect(work.wholeShard).toBeUndefined();
    expect(work.rerun).toEqual(['t/a.py::bad', 't/a.py::gone', 't/a.py::param2']);
    expect([...work.done].sort()).toEqual(['t/a.py::nc', 't/a.py::ok', 't/a.py::param']);
  });

  it('a collection error or a result the shard was not given runs the whole shard', () => {
    const collection = doc('<testcase classname="" name="t.b" time="0"><error message="collection failure">E</error></testcase>');
    expect(rerunWork(['t/a.py::ok'], collection).wholeShard).toBe('the previous attempt has a collection error in t/b.py');
    expect(rerunWork(['t/a.py::ok'], doc(passed('t/z.py', 'other'))).wholeShard).toContain('t/z.py::other, which the plan does not give this shard');
  });
});

describe('combineAttempts', () => {
  it('keeps the done passes marked with their attempt, folds earlier failures into flaky and rerun elements, and counts', () => {
    const planned = ['t/a.py::ok', 't/a.py::flaky', 't/a.py::bad'];
    const previous = doc(passed('t/a.py', 'ok') + failed('t/a.py', 'flaky', 'first') + failed('t/a.py', 'bad', 'again1'));
    const current = doc(passed('t/a.py', 'flaky') + failed('t/a.py', 'bad', 'again2'));
    const xml = combineAttempts({ previous, previousAttempt: 1, done: new Set(['t/a.py::ok']), plannedIds: planned, current });
    const back = parseJUnit(xml, 'combined.xml');
    expect(back.cases.map((c) => [c.id, c.outcome])).toEqual([
      ['t/a.py::ok', 'passed'],
      ['t/a.py::flaky', 'passed'],
      ['t/a.py::bad', 'failed'],
    ]);
    expect(back.cases[0]?.xmlInner).toBe('<properties><property name="fastest.attempt" value="1" /></properties>');
    expect(back.cases[1]?.xmlInner).toBe('<flakyFailure message="first">trace of first</flakyFailure>');
    expect(back.cases[2]?.xmlInner).toBe('<failure message="again1">trace of again1</failure><rerunFailure message="again2">trace of again2</rerunFailure>');
    expect(xml).toContain('<testsuite name="pytest" errors="0" failures="1" skipped="0" tests="3"');
  });

  it('a third attempt keeps both earlier failures in order, and earlier marks stay', () => {
    const planned = ['t/a.py::ok', 't/a.py::bad'];
    const attempt2 = parseJUnit(
      combineAttempts({
        previous: doc(passed('t/a.py', 'ok') + failed('t/a.py', 'bad', 'one')),
        previousAttempt: 1,
        done: new Set(['t/a.py::ok']),
        plannedIds: planned,
        current: doc(failed('t/a.py', 'bad', 'two')),
      }),
      'a2.xml',
    );
    const attempt3 = parseJUnit(
      combineAttempts({ previous: attempt2, previousAttempt: 2, done: new Set(['t/a.py::ok']), plannedIds: planned, current: doc(passed('t/a.py', 'bad')) }),
      'a3.xml',
    );
    expect(attempt3.cases[0]?.xmlInner).toContain('value="1"');
    expect(attempt3.cases[1]?.outcome).toBe('passed');
    expect(attempt3.cases[1]?.xmlInner).toBe('<flakyFailure message="one">trace of one</flakyFailure><flakyFailure message="two">trace of two</flakyFailure>');
  });
});

describe('a module skipped as a whole', () => {
  it('stands as done, and its skip is carried over', () => {
    const planned = ['t/s.py::a', 't/s.py::b', 't/a.py::bad'];
    const previous = doc(
      '<testcase classname="" name="t.s" file="t/s.py" time="0"><skipped message="not here" type="pytest.skip">skip</skipped></testcase>' +
        failed('t/a.py', 'bad', 'x'),
    );
    const work = rerunWork(planned, previous);
    expect(work.wholeShard).toBeUndefined();
    expect(work.rerun).toEqual(['t/a.py::bad']);
    const back = parseJUnit(
      combineAttempts({ previous, previousAttempt: 1, done: work.done, plannedIds: planned, current: doc(passed('t/a.py', 'bad')) }),
      'c.xml',
    );
    expect(back.cases.map((c) => [c.id, c.outcome])).toEqual([
      ['t/s.py', 'skipped'],
      ['t/a.py::bad', 'passed'],
    ]);
  });
});
