/**
 * The extension-host test entry (`extensionTestsPath`), shared by both runners
 * (@vscode/test-electron and the code-server one): runs the bundled mocha suites.
 * Mocha's report also goes to $SECOND_SOURCE_TEST_LOG, which the runner prints.
 */
import Mocha from 'mocha';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import SummaryReporter from '../summary-reporter.cjs';

// Mocha's reporters print through `Base.consoleLog`, captured when mocha loads.
function teeConsole(logFile: string | undefined) {
  if (!logFile) return;
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const original = base.consoleLog ?? console.log.bind(console);
  base.consoleLog = (...args: unknown[]) => {
    original(...args);
    appendFileSync(logFile, format(...args) + '\n');
  };
}

/** Runs every suite; resolves when all pass, rejects with the failure count otherwise. */
export function run(): Promise<void> {
  teeConsole(process.env.SECOND_SOURCE_TEST_LOG);
  const suitesFile = process.env.SECOND_SOURCE_TEST_SUITES ?? 'suites.js';
  // A package that does not activate fails every smoke check by timing out: stop at the first.
  const bail = suitesFile === 'smoke.js';
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, bail, reporter: SummaryReporter, reporterOptions: { label: 'extension-host' } });
  // The suites are bundled into one file (all of them, or the smoke checks for an installed
  // package); mocha's globals must exist before it loads.
  const suites = join(__dirname, suitesFile);
  mocha.suite.emit('pre-require', globalThis, suites, mocha);
  require(suites);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    } catch (error) {
      reject(error);
    }
  });
}
