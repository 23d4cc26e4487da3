// The REST side of the report: a check run carrying every annotation, and one sticky PR comment.
// A token that may not write (a pull request from a fork gets a read-only GITHUB_TOKEN) is not an
// error: the caller is told, and says so once.
import * as github from '@actions/github';
import { batches, type Annotation } from './annotations.js';

type Octokit = ReturnType<typeof github.getOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}

export type WriteResult = { ok: true; detail: string } | { ok: false; denied: boolean; detail: string };

function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

function failure(err: unknown): WriteResult {
  const status = statusOf(err);
  // GitHub answers 403 "Resource not accessible by integration" to a read-only token, and 404 to
  // a token that may not see the resource at all.
  const denied = status === 403 || status === 404;
  const message = (err as Error).message?.split('\n')[0] ?? String(err);
  return { ok: false, denied, detail: `${status ?? 'error'}: ${message}` };
}

export function octokitFor(token: string): Octokit {
  return github.getOctokit(token);
}

export interface CheckRunRequest {
  name: string;
  headSha: string;
  conclusion: 'success' | 'failure';
  title: string;
  summary: string;
  annotations: Annotation[];
  detailsUrl?: string;
}

function toApi(a: Annotation): { path: string; start_line: number; end_line: number; annotation_level: 'failure' | 'notice'; title: string; message: string } {
  return { path: a.path, start_line: a.line, end_line: a.line, annotation_level: a.notice ? 'notice' : 'failure', title: a.title, message: a.message };
}

/**
 * Creates a completed check run whose annotations go 50 per request: the first batch with the
 * creation, the others as updates (GitHub appends the annotations of each update).
 */
export async function publishCheckRun(octokit: Octokit, ref: RepoRef, req: CheckRunRequest): Promise<WriteResult> {
  const groups = batches(req.annotations);
  const output = (annotations: Annotation[]) => ({ title: req.title, summary: req.summary, annotations: annotations.map(toApi) });
  let id: number;
  try {
    const created = await octokit.rest.checks.create({
      ...ref,
      name: req.name,
      head_sha: req.headSha,
      status: 'completed',
      conclusion: req.conclusion,
      details_url: req.detailsUrl,
      output: output(groups[0] ?? []),
    });
    id = created.data.id;
  } catch (err) {
    return failure(err);
  }
  try {
    for (const group of groups.slice(1)) await octokit.rest.checks.update({ ...ref, check_run_id: id, output: output(group) });
  } catch (err) {
    const f = failure(err);
    return { ok: false, denied: false, detail: `check run ${id} created, but adding annotations failed: ${f.detail}` };
  }
  return { ok: true, detail: `check run ${id} with ${req.annotations.length} annotation(s) in ${Math.max(1, groups.length)} request(s)` };
}

/** Creates the PR comment holding `marker`, or edits the one already there. */
export async function upsertComment(octokit: Octokit, ref: RepoRef, issueNumber: number, marker: string, body: string): Promise<WriteResult> {
  let existing: { id: number } | undefined;
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...ref, issue_number: issueNumber, per_page: 100 });
    existing = comments.find((c) => typeof c.body === 'string' && c.body.includes(marker));
  } catch (err) {
    return failure(err);
  }
  try {
    if (existing) {
      await octokit.rest.issues.updateComment({ ...ref, comment_id: existing.id, body });
      return { ok: true, detail: `updated comment ${existing.id}` };
    }
    const created = await octokit.rest.issues.createComment({ ...ref, issue_number: issueNumber, body });
    return { ok: true, detail: `created comment ${created.data.id}` };
  } catch (err) {
    return failure(err);
  }
}
