/**
 * `npm run bench:editor`'s half inside VS Code: the extension-host entry (`extensionTestsPath`)
 * that scripts/vscode/bench-editor.mjs loads into a real VS Code on a copy of a folder. It does
 * what a user does, through the VS Code API only: opens the article with the planted
 * misspelling as soon as the window is up, waits for that misspelling's diagnostic, hovers the
 * article's claims until their cards stop changing, types ten misspellings while the folder is
 * being read and ten after, and hovers. Times are wall clock (`Date.now()`), so the runner can
 * put them on its own timeline; it adds memory and CPU time from /proc.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import * as vscode from 'vscode';
import type { SecondSourceApi } from '../vscode/extension';

/** Misspellings the engine flags with a confident fix (the language-server bench types the same). */
const TYPOS = ['goverment', 'recieved', 'beleive', 'seperate', 'accomodate', 'occured', 'tommorow', 'definately', 'wierd', 'untill'];
const EDITS = 10;
const HOVERS = 60;
/** How often the claims' hover cards are asked for while the folder is read. */
const CLAIM_POLL_MS = 500;
/** Claims of the open article whose cards are followed. */
const CLAIMS_FOLLOWED = 6;

interface Env {
  out: string;
  open: string;
  planted: string;
  /** Where to write a CPU profile of the extension host over the edits after the first pass (`--profile`). */
  profile?: string;
}

function env(): Env {
  const { SECOND_SOURCE_BENCH_OUT: out, SECOND_SOURCE_BENCH_OPEN: open, SECOND_SOURCE_BENCH_PLANTED: planted, SECOND_SOURCE_BENCH_PROFILE: profile } = process.env;
  if (!out || !open || !planted) throw new Error('bench:editor sets SECOND_SOURCE_BENCH_OUT, _OPEN and _PLANTED');
  return { out, open, planted, profile: profile || undefined };
}

/**
 * Profiles the extension host (this process, which runs the extension too) while `work` runs:
 * where its time goes between a keystroke and the diagnostic, beside the server's.
 */
async function profiled<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: object };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Second Source');

/** Resolves with the time (Date.now()) at which `probe` first holds, checked on every diagnostics change. */
function whenDiagnostics(uri: vscode.Uri, probe: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs: number, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!probe(ours(uri))) return false;
      const at = Date.now();
      done();
      resolve(at);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => e.uris.some((u) => u.toString() === uri.toString()) && check());
    const timer = setTimeout(() => (done(), reject(new Error(`no ${what} within ${timeoutMs / 1000} s`))), timeoutMs);
    const done = () => (subscription.dispose(), clearTimeout(timer));
    check();
  });
}

const hoverText = (hovers: vscode.Hover[]) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
const isClaimCard = (text: string) => /(Corroborated|Single source|Copies only|Conflicting)\*\* claim/.test(text);

function summary(timings: number[]) {
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
  return { count: sorted.length, median: sorted.length ? Math.round(at(0.5)) : null, p95: sorted.length ? Math.round(at(0.95)) : null, each: timings.map(Math.round) };
}

export async function run(): Promise<void> {
  const { out, open, planted, profile } = env();
  const started = Date.now();
  const uri = vscode.Uri.file(open);
  // Opened before anything else, as an editor restored at start-up is.
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const opened = Date.now();
  const extension = vscode.extensions.getExtension<SecondSourceApi>('second-source.second-source');
  if (!extension) throw new Error('the extension is not loaded');
  const api = await extension.activate();
  const activated = Date.now();

  const plantedAt = document.getText().indexOf(planted);
  const plantedRange = new vscode.Range(document.positionAt(plantedAt), document.positionAt(plantedAt + planted.length));
  const firstDiagnostic = await whenDiagnostics(uri, (ds) => ds.some((d) => d.range.intersection(plantedRange) && !d.range.isEmpty), 300_000, 'diagnostic on the planted misspelling');

  // The claims' cards, followed until the pass ends: the first time each shows a claim card, and
  // the time from which they all read as they do at the end.
  const claimSamples: { at: number; texts: string[] }[] = [];
  let passEnded: number | undefined;
  const followClaims = (async () => {
    let positions: vscode.Position[] = [];
    for (;;) {
      if (!positions.length) {
        const claims = api.store.article(uri)?.analysis.claims ?? [];
        const step = Math.max(1, Math.floor(claims.length / CLAIMS_FOLLOWED));
        positions = claims.filter((_, i) => i % step === 0).slice(0, CLAIMS_FOLLOWED).map((c) => document.positionAt((c.start + c.end) >> 1));
      }
      if (positions.length) {
        const texts = await Promise.all(positions.map(async (p) => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, p))));
        claimSamples.push({ at: Date.now(), texts });
      }
      // One sample after the end, so "final" is what the complete folder answers.
      if (passEnded && claimSamples.length && claimSamples[claimSamples.length - 1].at > passEnded) return;
      await new Promise((r) => setTimeout(r, CLAIM_POLL_MS));
    }
  })();

  // Typed misspellings: each a new last line, timed from the edit to its diagnostic.
  let typed = 0;
  const typeMisspelling = async (): Promise<number> => {
    const word = TYPOS[typed++ % TYPOS.length];
    const end = document.lineAt(document.lineCount - 1).range.end;
    const line = end.line + 1;
    const s = Date.now();
    const onTypedWord = (ds: readonly vscode.Diagnostic[]) => ds.some((d) => d.range.start.line === line && document.getText(d.range) === word);
    // When the extension host hears of the edit: before it, the time is VS Code's own (the edit
    // goes to the window and comes back); after it, the language client's and the server's.
    let heard = 0;
    let shown = 0;
    const listening = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!heard && e.document.uri.toString() === uri.toString()) heard = Date.now();
      }),
      // The diagnostic is shown when the client hands it to VS Code; the event that `whenDiagnostics`
      // waits for comes 50 ms or more after (VS Code debounces it), and is reported beside.
      api.onDidSetDiagnostics((e) => {
        if (!shown && e.uri.toString() === uri.toString() && onTypedWord(e.diagnostics)) shown = Date.now();
      }),
    ];
    const flagged = whenDiagnostics(uri, onTypedWord, 60_000, `diagnostic on typed “${word}”`);
    if (!(await editor.edit((b) => b.insert(end, `\nThey said the ${word} was late.`)))) throw new Error('the edit did not apply');
    const event = await flagged;
    for (const l of listening) l.dispose();
    editHeard.push((heard || event) - s);
    editEvent.push(event - s);
    return (shown || event) - s;
  };
  const editHeard: number[] = [];
  const editEvent: number[] = [];
  const passComplete = async () => (await api.store.passState()).complete;
  const during: number[] = [];
  for (let i = 0; i < EDITS && !(await passComplete()); i++) {
    const ms = await typeMisspelling();
    if (!(await passComplete())) during.push(ms);
  }
  await api.store.ready;
  while (!(await passComplete())) await new Promise((r) => setTimeout(r, 100));
  passEnded = Date.now();
  await followClaims;
  const after: number[] = [];
  await profiled(profile, async () => {
    for (let i = 0; i < EDITS; i++) after.push(await typeMisspelling());
  });

  // Hovers after the pass: the open article's claims and findings, round and round.
  const article = api.store.article(uri);
  const spots = [...(article?.analysis.claims ?? []).map((c) => (c.start + c.end) >> 1), ...(article?.analysis.findings ?? []).map((f) => (f.start + f.end) >> 1)];
  const hoverTimings: number[] = [];
  for (let i = 0; i < HOVERS && spots.length; i++) {
    const position = document.positionAt(spots[i % spots.length]);
    const s = performance.now();
    await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    hoverTimings.push(performance.now() - s);
  }

  const final = claimSamples[claimSamples.length - 1]?.texts ?? [];
  const firstCard = claimSamples.find((s) => s.texts.some(isClaimCard));
  // The first sample from which every later one reads as the final one does.
  let settled = claimSamples.length;
  while (settled > 0 && claimSamples[settled - 1].texts.every((t, i) => t === final[i])) settled--;
  const claimsSettled = claimSamples[settled];
  const pass = await api.store.passState();
  writeFileSync(
    out,
    JSON.stringify({
      times: { started, opened, activated, firstDiagnostic, firstClaimCard: firstCard?.at ?? null, claimsSettled: final.some(isClaimCard) ? (claimsSettled?.at ?? null) : null, passEnded },
      claimsFollowed: final.length,
      claimCardsAtEnd: final.filter(isClaimCard).length,
      articles: api.store.articles().length,
      pass,
      editToDiagnosticMs: { debounceMs: vscode.workspace.getConfiguration('secondSource').get<number>('debounce'), duringFirstPass: summary(during), afterFirstPass: summary(after) },
      // Of each of those, the part before the extension host heard of the edit (all edits, in order).
      editToChangeEventMs: summary(editHeard),
      // The same edits timed to `languages.onDidChangeDiagnostics`, which VS Code fires 50 ms or more after the diagnostics are shown.
      editToDiagnosticsEventMs: summary(editEvent),
      hoverMs: (({ each, ...rest }) => rest)(summary(hoverTimings)),
      extensionHostPid: process.pid,
    }),
  );
  await vscode.commands.executeCommand('workbench.action.files.revert');
}
