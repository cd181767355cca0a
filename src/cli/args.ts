/** Parses the `second-source` command line into options, or a usage error. */
import { DEFAULT_INCLUDE } from '../node/files';

/** Output formats of `check`. */
export type Format = 'text' | 'json' | 'sarif';

/** What `second-source check` was asked to do. */
export interface CheckOptions {
  command: 'check';
  paths: string[];
  format: Format;
  out?: string;
  include: string[];
  failOn?: 'warning' | 'information';
  threshold?: number;
  quiet: boolean;
}

/** The outcome of parsing: a command to run, help, or a usage error. */
export type ParsedArgs = CheckOptions | { command: 'lsp' } | { command: 'help' } | { command: 'version' } | { command: 'error'; message: string };

export const USAGE = `Usage: second-source check <paths…> [options]
       second-source lsp --stdio


Checks a folder of articles: which claims other documents corroborate, which stand on
a single source, which are copies, which conflict; and which spellings look suspect.
All the given documents form one corpus.

Options:
  --format text|json|sarif   output format (default: text)
  --out FILE                 write the report to FILE instead of standard output
  --include PATTERNS         comma-separated name patterns for folders (default: ${DEFAULT_INCLUDE.join(',')})
  --fail-on warning|information
                             exit 1 when findings of that severity (or higher) exist
  --threshold N              corroboration score threshold in [0,1]
  --quiet                    no progress on standard error
  -h, --help                 this help
  -v, --version              the version

\`lsp --stdio\` runs the language server on standard input and output (any LSP editor).

Exit codes: 0 done; 1 findings at or above --fail-on; 2 usage error.`;

/** Parses `argv` (without the node and script entries). */
export function parseArgs(argv: ReadonlyArray<string>): ParsedArgs {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '-v' || argv[0] === '--version') return { command: 'version' };
  if (argv[0] === 'lsp') {
    // Standard input/output is the one transport: every editor's client can start it.
    // vscode-languageclient also passes `--clientProcessId=<pid>` (vscode-languageserver reads it
    // itself, to exit with its editor).
    const extra = argv.slice(1).filter((a) => a !== '--stdio' && !/^--clientProcessId=\d+$/.test(a));
    if (!argv.includes('--stdio') || extra.length) return { command: 'error', message: 'lsp takes one option: --stdio.' };
    return { command: 'lsp' };
  }
  if (argv[0] !== 'check') return { command: 'error', message: `Unknown command "${argv[0]}".` };
  const options: CheckOptions = { command: 'check', paths: [], format: 'text', include: [...DEFAULT_INCLUDE], quiet: false };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '-h':
      case '--help':
        return { command: 'help' };
      case '--quiet':
        options.quiet = true;
        break;
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') return { command: 'error', message: `--format must be text, json or sarif (got ${v ?? 'nothing'}).` };
        options.format = v;
        break;
      }
      case '--out': {
        const v = value();
        if (!v) return { command: 'error', message: '--out needs a file name.' };
        options.out = v;
        break;
      }
      case '--include': {
        const v = value();
        const patterns = (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        if (patterns.length === 0) return { command: 'error', message: '--include needs at least one pattern, e.g. "*.txt,*.md".' };
        options.include = patterns;
        break;
      }
      case '--fail-on': {
        const v = value();
        if (v !== 'warning' && v !== 'information') return { command: 'error', message: `--fail-on must be warning or information (got ${v ?? 'nothing'}).` };
        options.failOn = v;
        break;
      }
      case '--threshold': {
        const v = Number(value());
        if (!(v >= 0 && v <= 1)) return { command: 'error', message: '--threshold must be a number in [0, 1].' };
        options.threshold = v;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') return { command: 'error', message: `Unknown option "${arg}".` };
        options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) return { command: 'error', message: 'Give at least one file or folder to check.' };
  return options;
}
