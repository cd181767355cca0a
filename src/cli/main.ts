/** The `second-source` executable. */
import { parseArgs } from './args';
import { runCli } from './run';
import { startStdioServer } from '../server/stdio';

const argv = process.argv.slice(2);
if (parseArgs(argv).command === 'lsp') {
  startStdioServer();
} else {
  runCli(argv, {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    progress: Boolean(process.stderr.isTTY),
    terminal: Boolean(process.stdout.isTTY),
  }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`second-source: ${(error as Error).stack ?? error}\n`);
      process.exitCode = 3;
    },
  );
}
