// `fastest discover` on its own (dist/discover.js): the executable loads this instead of the whole
// CLI (dist/main.js) for a discovery the memo can't answer. Half the code of main.js, without the
// runner, the reports and their libraries: ~40 ms less start-up on every such discovery.
import { adoptParseThreads } from '../discovery/parse-pool.js';
import { discoverCommand } from './discover.js';
import { finishCommand, type Handoff } from './finish.js';

export function runCli(argv: string[], handoff: Handoff = { parseThreads: [] }): Promise<void> {
  adoptParseThreads(handoff.parseThreads);
  return finishCommand(discoverCommand(argv, argv.slice(1), (s) => process.stdout.write(s)));
}
