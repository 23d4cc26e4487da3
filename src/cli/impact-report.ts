// What --changed / --affected-by print: with -v, why each test was selected (one block before the
// session, so pytest's own -v lines stay as they are), and a closing "N of M tests selected" line.
import type { ImpactResult } from '../impact/index.js';
import type { TestItem } from '../types.js';

const LISTED_CHANGES = 10;

function changesText(impact: ImpactResult): string {
  const files = impact.changes.files;
  if (files.length === 0) return `${impact.changes.source}: no changed files`;
  const shown = files.slice(0, LISTED_CHANGES).join(', ');
  const more = files.length > LISTED_CHANGES ? `, and ${files.length - LISTED_CHANGES} more` : '';
  return `${impact.changes.source}: ${files.length} changed file${files.length === 1 ? '' : 's'} (${shown}${more})`;
}

export function impactReasonsBlock(impact: ImpactResult, selected: readonly TestItem[]): string {
  const lines = [`selected by ${changesText(impact)}:`];
  if (impact.impact.everything !== null) lines.push(`  every test: ${impact.impact.everything}`);
  else for (const item of selected) lines.push(`  ${item.id}: ${impact.impact.reasons.get(item.id) ?? 'selected'}`);
  return `${lines.join('\n')}\n`;
}

export function impactClosingLine(impact: ImpactResult & { total: number }, selectedCount: number): string {
  return `${selectedCount} of ${impact.total} tests selected by ${changesText(impact)}\n`;
}
