// Installs what the offline VS Code runs need, on a fresh machine, with no manual steps:
// Debian packages (chromium, ripgrep, kerberos headers) and code-server 4.100.3, whose
// bundled VS Code server (1.100.3) hosts the extension. Everything lands in `.vscode-test/`,
// the folder `@vscode/test-electron` caches its downloads in. Safe to run again: each step
// is skipped when its result is already there.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, copyFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_VERSION = '4.100.3';
const installDir = join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);

/** The folder of code-server's bundled VS Code (holds out/server-main.js). */
export const vscodeServerDir = join(installDir, 'node_modules', 'code-server', 'lib', 'vscode');
export const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';

const log = (msg) => process.stderr.write(`[vscode-setup] ${msg}\n`);

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function dpkgInstalled(pkg) {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format field, not a template
  return spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout?.includes('install ok installed');
}

/** apt-get installs the Debian packages the run needs when any is missing (we run as root in CI). */
export function ensureDebianPackages(pkgs = ['libkrb5-dev', 'ripgrep', 'chromium']) {
  if (!has('apt-get')) return;
  const missing = pkgs.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0) return;
  log(`apt-get install ${missing.join(' ')}`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => execFileSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { stdio: ['ignore', 'inherit', 'inherit'], env });
  // Another apt run on the machine (a second test run, unattended upgrades) holds the lock for a while: wait, do not fail.
  const wait = ['-o', 'DPkg::Lock::Timeout=300'];
  run(['apt-get', ...wait, 'update', '-qq']);
  run(['apt-get', ...wait, 'install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

// @vscode/ripgrep@1.15.11 looks in this cache before it downloads from GitHub; the Debian
// `rg` stands in for the download.
function seedRipgrepCache() {
  const dir = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const tarball = join(dir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(tarball)) return;
  const rg = ['/usr/bin/rg', '/bin/rg'].find((p) => existsSync(p));
  if (!rg) throw new Error('ripgrep (rg) is not installed; `apt-get install ripgrep` first.');
  const staging = join(dir, 'staging');
  mkdirSync(staging, { recursive: true });
  copyFileSync(rg, join(staging, 'rg'));
  execFileSync('tar', ['-czf', tarball, '-C', staging, 'rg']);
  rmSync(staging, { recursive: true, force: true });
}

/** Installs code-server into `.vscode-test/` when it is not there yet; returns the VS Code server folder. */
export function ensureCodeServer() {
  const marker = join(installDir, '.complete');
  if (existsSync(marker) && existsSync(join(vscodeServerDir, 'out', 'server-main.js'))) return vscodeServerDir;
  ensureDebianPackages();
  seedRipgrepCache();
  mkdirSync(installDir, { recursive: true });
  // Its own package.json keeps npm from walking up into the project's dependency tree.
  writeFileSync(join(installDir, 'package.json'), JSON.stringify({ name: 'vscode-test-code-server', private: true }, null, 2));
  log(`installing code-server@${CODE_SERVER_VERSION} into ${installDir} (about a minute, once)`);
  const env = {
    ...process.env,
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: installDir,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (!existsSync(join(vscodeServerDir, 'out', 'server-main.js'))) throw new Error('code-server installed but its VS Code server is missing');
  writeFileSync(marker, new Date().toISOString());
  return vscodeServerDir;
}

/** The VS Code version code-server bundles (for messages). */
export function bundledVSCodeVersion() {
  try {
    return JSON.parse(readFileSync(join(vscodeServerDir, 'product.json'), 'utf8')).version ?? JSON.parse(readFileSync(join(vscodeServerDir, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureDebianPackages();
  ensureCodeServer();
  log(`ready: VS Code ${bundledVSCodeVersion()} server at ${vscodeServerDir}`);
}
