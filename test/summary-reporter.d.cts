import Mocha from 'mocha';
/** Mocha's spec reporter plus a closing "<label>: N passed, N failed" line. */
declare class SummaryReporter extends Mocha.reporters.Spec {}
export = SummaryReporter;
