/** `second-source check`: reads the files, runs the engine once over all of them, writes the report. */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';
import type { DocumentAnalysis, EngineOptions, Severity, SourceDocument } from '../core/types';
import { collectFiles, readDocument, type SkippedFile } from '../node/files';
import { defaultDataDir, loadResources } from '../node/resources';
import { startCorpusSplit } from '../node/split-analysis';
import { parseArgs, USAGE, type CheckOptions } from './args';
import { createReport, reportDocument, type Report, type ReportDocument } from './report';
import { formatText } from './format-text';
import { formatSarif } from './format-sarif';
import pkg from '../../package.json';

/** Where the CLI writes; injected so tests can capture it. */
export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether progress lines are wanted (a terminal on stderr). */
  progress: boolean;
  /** Whether stdout is a terminal: JSON printed there is indented for reading. */
  terminal?: boolean;
}

/** Runs the CLI and returns its exit code (0 done, 1 findings at --fail-on, 2 usage error). */
export async function runCli(argv: ReadonlyArray<string>, io: CliIO): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'help':
      io.stdout(USAGE + '\n');
      return 0;
    case 'version':
      io.stdout(`${pkg.version}\n`);
      return 0;
    case 'error':
      io.stderr(`second-source: ${args.message}\n\n${USAGE}\n`);
      return 2;
    case 'check':
      return check(args, io);
    case 'lsp':
      // The executable starts the server itself (src/cli/main.ts): it owns the process's streams.
      io.stderr('second-source: lsp runs only as the executable (`second-source lsp --stdio`).\n');
      return 2;
  }
}

async function check(args: CheckOptions, io: CliIO): Promise<number> {
  const { files, missing } = collectFiles(args.paths, args.include, io.cwd);
  if (missing.length) {
    io.stderr(`second-source: no such file or folder: ${missing.join(', ')}\n`);
    return 2;
  }
  const options: EngineOptions = args.threshold === undefined ? {} : { corroborationThreshold: args.threshold };
  const dataDir = defaultDataDir();
  // The claims worker loads while the files are read.
  const split = startCorpusSplit(dataDir, options);
  const skipped: SkippedFile[] = [];
  const notes = new Map<string, string[]>();
  const documents: SourceDocument[] = [];
  const showProgress = io.progress && !args.quiet;
  files.forEach((file, i) => {
    const doc = readDocument(file, io.cwd);
    if ('reason' in doc) {
      skipped.push(doc);
      io.stderr(`${doc.path}: ${doc.reason}\n`);
    } else {
      notes.set(doc.path, doc.notes);
      documents.push({ id: doc.path, text: doc.text });
    }
    if (showProgress) io.stderr(`\rreading ${i + 1}/${files.length}`);
  });
  // A JSON report for a file or a pipe is written compact: on a large folder the indented one
  // is twice the size (35 MB against 18 MB for 2,225 articles) and slower to write and to read.
  const indent = args.out === undefined && io.terminal ? 2 : undefined;
  const withNotes = (doc: DocumentAnalysis) => {
    doc.notes = [...(notes.get(doc.docId) ?? []), ...doc.notes];
    return doc;
  };
  // The compact JSON report is made document by document as each is analysed, while the claims
  // worker still runs: held whole as objects, the BBC folder's analysis took about 0.3 GB (its JSON is 47 MB).
  const json = args.format === 'json' && indent === undefined ? createJsonWriter() : undefined;
  let failing = false;
  const analysis = await split.analyze(
    documents,
    (parts) => loadResources(dataDir, parts),
    (done, total) => {
      if (showProgress && (done === total || done % 50 === 0)) io.stderr(`\ranalysing ${Math.floor((done / total) * 100)}%   `);
    },
    json &&
      ((doc) => {
        const reported = reportDocument(withNotes(doc));
        if (args.failOn && hasFindingsAtOrAbove(reported, args.failOn)) failing = true;
        json.add(reported);
      }),
  );
  if (showProgress) io.stderr('\n');
  let output: string[];
  if (json) output = json.end(analysis.copies, analysis.stories, skipped);
  else {
    const texts = new Map(documents.map((d) => [d.id, d.text]));
    analysis.documents.forEach(withNotes);
    const report = createReport(analysis, skipped);
    failing = args.failOn !== undefined && report.documents.some((d) => hasFindingsAtOrAbove(d, args.failOn!));
    output = [args.format === 'json' ? JSON.stringify(report, null, indent) + '\n' : args.format === 'sarif' ? formatSarif(report, texts, pkg.version) : formatText(report, texts)];
  }
  if (args.out) {
    const target = resolve(io.cwd, args.out);
    try {
      writeAtomically(target, output);
    } catch (error) {
      io.stderr(`second-source: cannot write ${args.out}: ${(error as Error).message}\n`);
      return 2;
    }
  } else output.forEach((piece) => io.stdout(piece));
  return failing ? 1 : 0;
}

/**
 * The compact JSON report in pieces of about a megabyte, added to a document at a time; joined,
 * the pieces are `JSON.stringify(report) + '\n'`.
 */
function createJsonWriter() {
  const pieces: string[] = [];
  let piece = '{"documents":[';
  let first = true;
  return {
    add(doc: ReportDocument) {
      piece += (first ? '' : ',') + JSON.stringify(doc);
      first = false;
      if (piece.length >= 1 << 20) {
        pieces.push(piece);
        piece = '';
      }
    },
    end(copies: Report['copies'], stories: Report['stories'], skipped: Report['skipped']): string[] {
      pieces.push(`${piece}],"copies":${JSON.stringify(copies)},"stories":${JSON.stringify(stories)},"skipped":${JSON.stringify(skipped)}}\n`);
      return pieces;
    },
  };
}

function hasFindingsAtOrAbove(doc: ReportDocument, level: 'warning' | 'information'): boolean {
  const rank: Record<Severity, number> = { hint: 0, information: 1, warning: 2 };
  return doc.findings.some((f) => rank[f.severity] >= rank[level]);
}

// A report half-written by an interrupted run would be worse than none.
function writeAtomically(file: string, pieces: readonly string[]): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      for (const piece of pieces) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}
