// Each test file gives the pytest and fastest runs it starts a temporary root of its own: runs of
// different files sharing /tmp/pytest-of-USER race on pytest's removal of old numbered directories,
// and the loser prints an rm_rf PytestWarning into a warnings summary a test compares.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const temproot = mkdtempSync(join(tmpdir(), 'fastest-test-temproot-'));
process.env.PYTEST_DEBUG_TEMPROOT = temproot;
afterAll(() => rmSync(temproot, { recursive: true, force: true }));
