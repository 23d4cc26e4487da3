// The order test files start in: longest first, by the seconds each took in a recorded run
// (test/file-seconds.json), so that the run ends with short files on both workers. vitest's own
// order on a fresh checkout (no results cache, as in CI) is by file size, which started
// dist.test.ts (44 s, a small file) last, alone on one core. A file the record does not know (a
// new one) starts first. Refresh the record from a run's output: scripts/file-seconds.mjs.
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const HERE = dirname(fileURLToPath(import.meta.url));
const RECORD = join(HERE, 'file-seconds.json');

function recordedSeconds(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(RECORD, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = recordedSeconds();
    const root = join(HERE, '..');
    const of = (spec: TestSpecification) => seconds[relative(root, spec.moduleId).split('\\').join('/')] ?? Number.POSITIVE_INFINITY;
    return (await super.sort(files)).sort((a, b) => of(b) - of(a));
  }
}
