import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const core = join(__dirname, '..', '..', 'src', 'core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

// The engine also runs in VS Code for the Web: no editor API, no Node built-ins.
const FORBIDDEN: Array<[RegExp, string]> = [
  [/from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)/, 'the vscode API'],
  [/from\s+['"](?:node:)?(?:fs|path|os|child_process|worker_threads|crypto|url|util|buffer|stream)(?:\/[a-z]+)?['"]/, 'a Node built-in module'],
  [/\bprocess\.(?:env|cwd|argv|exit)|\bBuffer\.|__dirname|__filename/, 'a Node global'],
];

describe('the engine boundary', () => {
  it('keeps src/core free of vscode and of Node-only APIs', () => {
    const offences: string[] = [];
    for (const file of files(core)) {
      const text = readFileSync(file, 'utf8').replace(/^\s*(?:\/\/|\*).*$/gm, '');
      for (const [pattern, what] of FORBIDDEN) if (pattern.test(text)) offences.push(`${relative(core, file)} uses ${what}`);
    }
    assert.deepEqual(offences, []);
  });
});
