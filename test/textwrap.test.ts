// pythonWrap against Python's own textwrap.wrap, on text made to hit its word splitting: hyphens,
// em-dashes, tabs, newlines, long words, non-ASCII letters and blanks.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pythonWrap, wrapAfter } from '../src/report/textwrap.js';

const PIECES = [
  'a',
  'word',
  'x-ray',
  'well-known',
  'a--b',
  '--',
  '-',
  '---x',
  '9-5',
  'über',
  'naïve-té',
  '日本語',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  'e.g.',
  '(root',
  'user)',
  '!?',
  '\u00a0',
  '\u3000',
  'Skipped:',
  'https://example.com/a-b-c',
  'x'.repeat(30),
  '-'.repeat(12),
  '²',
  '_',
  '😀',
];

function seeded(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

describe('python textwrap', () => {
  it('splits and wraps as Python 3 textwrap.wrap(drop_whitespace=True, replace_whitespace=False)', () => {
    const random = seeded(17);
    const cases: { text: string; width: number }[] = [];
    for (let i = 0; i < 600; i++) {
      let text = '';
      const n = 1 + Math.floor(random() * 14);
      for (let j = 0; j < n; j++) text += PIECES[Math.floor(random() * PIECES.length)];
      cases.push({ text, width: 1 + Math.floor(random() * 24) });
    }
    // the shape pytest gives it: a long line's width of spaces, then ` (reason)`
    cases.push({ text: ' '.repeat(68) + ' (root user can access all files regardless of permissions)', width: 72 });
    cases.push({ text: ' '.repeat(75) + ' (todo)', width: 72 });
    const script =
      'import json, sys, textwrap\n' +
      'cases = json.load(sys.stdin)\n' +
      'print(json.dumps([textwrap.wrap(c["text"], c["width"], drop_whitespace=True, replace_whitespace=False) for c in cases]))\n';
    const python = JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8' })) as string[][];
    const mismatches = cases.flatMap((c, i) => {
      const ours = pythonWrap(c.text, c.width);
      return JSON.stringify(ours) === JSON.stringify(python[i]) ? [] : [{ ...c, python: python[i], ours }];
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('loses a reason that does not fit after a long line, as pytest -vv does', () => {
    expect(wrapAfter(' (root user can access all files regardless of permissions)', 68, 80)).toBe('');
    expect(wrapAfter(' (todo)', 75, 80)).toBe('');
    expect(wrapAfter(' (short)', 30, 80)).toBe(' (short)');
    expect(wrapAfter(' (a reason long enough to be wrapped onto the next line)', 40, 80)).toBe(' (a reason long enough to be\nwrapped onto the next line)');
  });
});
