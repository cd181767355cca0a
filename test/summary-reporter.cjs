// Mocha's spec reporter plus one closing line, "<suite>: N passed, N failed[, N skipped]",
// the plain form CI reads to tell a run that tested something from one that did not.
const Mocha = require('mocha');

const { EVENT_RUN_END } = Mocha.Runner.constants;

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const label = (options && options.reporterOptions && options.reporterOptions.label) || process.env.MOCHA_SUMMARY_LABEL || 'tests';
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats || { passes: 0, failures: 0, pending: 0 };
      const skipped = s.pending ? `, ${s.pending} skipped` : '';
      Mocha.reporters.Base.consoleLog(`${label}: ${s.passes} passed, ${s.failures} failed${skipped}`);
    });
  }
}

module.exports = SummaryReporter;
