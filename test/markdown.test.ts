// Untrusted text in the Markdown GitHub renders (job summary, PR comment): a corpus of hostile
// strings goes through the report as test ids, file names, messages, tracebacks, JUnit file names
// and parse errors, and the rendered Markdown (markdown-it with raw HTML and autolinks on, as
// GitHub's GFM) must hold none of it outside code: no link, image or HTML node of its own, and
// no text node where GitHub would turn @name or #1 into a mention or reference.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentBody, jobSummary, type LinkContext } from '../src/action/report.js';
import { escapeXmlAttr, escapeXmlText } from '../src/merge/junit-read.js';
import { codeBlock, inlineCode, oneLine, tableCode } from '../src/report/markdown.js';
import { mergeJUnit, type MergeResult } from '../src/merge/merge.js';
import { renderSummary } from '../src/merge/summary.js';

const corpus = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'hostile', 'markdown-corpus.json'), 'utf8')) as string[];
const md = new MarkdownIt({ html: true, linkify: true });
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

function flatten(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => [t, ...flatten(t.children ?? [])]);
}

/** What CommonMark does to text before it reaches a code node: NUL becomes U+FFFD. */
function asParsed(text: string): string {
  return text.replace(/\u0000/g, '\uFFFD');
}

describe('markdown.ts: hostile text stays inside its code', () => {
  it('as an inline code span in prose', () => {
    for (const s of corpus) {
      const tokens = flatten(md.parse(`before ${inlineCode(s)} after`, {}));
      const inline = tokens.filter((t) => t.type !== 'paragraph_open' && t.type !== 'paragraph_close' && t.type !== 'inline');
      expect(
        inline.map((t) => t.type),
        s,
      ).toEqual(['text', 'code_inline', 'text']);
      expect(inline[1]?.content, s).toBe(asParsed(oneLine(s)));
    }
  });

  it('as inline code in a table cell: no cell break-out', () => {
    for (const s of corpus) {
      const tokens = flatten(md.parse(`| n | test |\n|---|---|\n| 1 | ${tableCode(s)} |\n| 2 | after |\n`, {}));
      expect(tokens.filter((t) => t.type === 'td_open').length, s).toBe(4);
      const code = tokens.filter((t) => t.type === 'code_inline');
      expect(code.length, s).toBe(1);
      // The table's `\|` is shown as `|` (by GitHub too).
      expect(code[0]?.content, s).toBe(asParsed(oneLine(s)));
      expect(
        tokens.filter((t) => t.type === 'text').map((t) => t.content),
        s,
      ).toEqual(['n', 'test', '1', '2', 'after']);
    }
  });

  it('as a fenced block after a list item', () => {
    for (const s of corpus) {
      const tokens = flatten(md.parse(`- item\n${codeBlock(s)}\nafter\n`, {}));
      const fences = tokens.filter((t) => t.type === 'fence');
      expect(fences.length, s).toBe(1);
      expect(fences[0]?.content, s).toBe(asParsed(`${s.replace(/\r\n?/g, '\n')}\n`));
      expect(
        tokens.filter((t) => t.type === 'text').map((t) => t.content),
        s,
      ).toEqual(['item', 'after']);
    }
  });

  it('cuts long spans without splitting a character and keeps them on one line', () => {
    expect(inlineCode('a'.repeat(10), 5)).toBe('`aaaa…`');
    expect(inlineCode('ab\u{1F600}c', 4)).toBe('`ab…`');
    expect(inlineCode('')).toBe('` `');
    expect(inlineCode('a\nb')).toBe('`a b`');
  });
});

describe('the job summary and PR comment of a hostile run', () => {
  let dir: string;
  let result: MergeResult;
  const ctx: LinkContext = { serverUrl: 'https://github.com', repository: 'octo/demo', sha: 'abc1234def', workspace: '/ws', workingDirectory: '/ws' };
  const allowedLink = /^https:\/\/github\.com\/octo\/demo\/(blob\/abc1234def\/|actions\/runs\/1$)/;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fastest-md-'));
    const cases = corpus.map((s, i) => {
      const attrs = `classname="tests.test_h${i}" name="${escapeXmlAttr(`test_${i}[${s}]`)}" file="${escapeXmlAttr(`tests/${s}.py`)}" line="2" time="0.${i + 1}"`;
      return `<testcase ${attrs}><failure message="${escapeXmlAttr(s)}">${escapeXmlText(`${s}\n${s}`)}</failure><system-out>${escapeXmlText(s)}</system-out></testcase>`;
    });
    // The shards' file names come from artifacts: hostile too.
    const shard = join(dir, 'shard @someone #1 |x| [a](https:evil.example) <img src=x>.xml');
    writeFileSync(shard, `<testsuites><testsuite name="pytest" time="3">${cases.join('')}</testsuite></testsuites>`);
    const broken = join(dir, 'broken @octo-org team `x` <!-- c -->.xml');
    writeFileSync(broken, '<testsuites><testsuite></testcase></testsuites>');
    const merged = mergeJUnit([shard, broken]);
    expect(merged.malformed).toHaveLength(1);
    // Plan ids (from an artifact in a workflow_run report) appear as missing, duplicated and unplanned.
    result = {
      ...merged,
      missing: corpus.slice(0, 25),
      duplicates: corpus.slice(5, 9),
      duplicateCount: 4,
      unexpected: corpus.slice(9, 14),
      unexpectedCount: 5,
    };
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function checkInert(markdown: string, allowedHtml: string[], alsoShown: string[] = []): void {
    const tokens = flatten(md.parse(markdown, {}));
    expect(tokens.filter((t) => t.type === 'image')).toEqual([]);
    for (const t of tokens.filter((t) => t.type === 'html_inline' || t.type === 'html_block')) expect(allowedHtml).toContain(t.content.trim());
    for (const t of tokens.filter((t) => t.type === 'link_open')) expect(t.attrGet('href')).toMatch(allowedLink);
    // Outside code, only the report's own words: nothing GitHub would make a mention, reference or link of.
    for (const t of tokens.filter((t) => t.type === 'text')) expect(t.content).not.toMatch(/@|#\d|GH-\d|evil|https?:|www\.|<|>|\||`|\[|\]/);
    // And the hostile text is shown, inside code.
    const code = tokens
      .filter((t) => t.type === 'code_inline' || t.type === 'fence')
      .map((t) => t.content)
      .join('\n');
    for (const s of [
      ...alsoShown,
      '@someone please look',
      'cc @octo-org/security-team now',
      '[click me](https://evil.example/phish)',
      '<img src=https://evil.example/i.png onerror=alert(1)>',
      'cell | break | out |',
    ]) {
      expect(code).toContain(s);
    }
  }

  it('the summary: failures, slowest tests, problems and shard table', () => {
    const summary = renderSummary(result);
    expect(summary).toContain('### Slowest tests');
    expect(summary).toContain('### Shard balance');
    checkInert(summary, [], ['expected </testsuite> but found </testcase>', 'broken @octo-org team `x` <!-- c -->.xml']);
  });

  it('the job summary with links to the code', () => {
    const summary = jobSummary(result, ctx, ['3 of 34 failures are annotated']);
    expect(summary).toContain('](https://github.com/octo/demo/blob/abc1234def/tests/');
    checkInert(summary, [], ['expected </testsuite> but found </testcase>', 'broken @octo-org team `x` <!-- c -->.xml']);
  });

  it('the sticky PR comment', () => {
    const failures = result.failures.filter((c) => c.outcome === 'failed');
    expect(failures).toHaveLength(corpus.length);
    const body = commentBody(result, failures, { ...ctx, marker: '<!-- fastest-report: tests -->', runUrl: 'https://github.com/octo/demo/actions/runs/1' }, []);
    checkInert(body, ['<!-- fastest-report: tests -->']);
  });
});
