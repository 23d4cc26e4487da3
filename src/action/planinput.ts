// The `plan` input of run and merge: the plan job's compact JSON output, or a path to a plan file
// (when the plan was too big for a job output and travelled as an artifact).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { planProblem, readPlan, type Plan } from '../shard/plan.js';
import { InputError } from './inputs.js';

export interface PlanInput {
  plan: Plan;
  /** A file holding the plan, for `fastest --plan FILE`. */
  file: string;
}

export function loadPlanInput(raw: string, workspace: string, tempDir: string): PlanInput {
  if (raw.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      throw new InputError("input 'plan' starts with '{' but is not valid JSON");
    }
    const problem = planProblem(data);
    if (problem) throw new InputError(`input 'plan' is not a fastest plan: ${problem}`);
    mkdirSync(tempDir, { recursive: true });
    const file = join(tempDir, 'plan.json');
    writeFileSync(file, raw);
    return { plan: data as Plan, file };
  }
  const file = isAbsolute(raw) ? raw : resolve(workspace, raw);
  if (!existsSync(file)) throw new InputError(`input 'plan' is neither plan JSON nor an existing file: ${raw}`);
  try {
    return { plan: readPlan(file), file };
  } catch (err) {
    throw new InputError((err as Error).message);
  }
}
