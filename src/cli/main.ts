/** The `second-source` executable. */
import { runCli } from './run';

runCli(process.argv.slice(2), {
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
