import { UsageError } from './args.js';
export async function runCommand(_argv: string[], _cwd: string, _env: NodeJS.ProcessEnv): Promise<number> {
  throw new UsageError('run: not wired yet');
}
