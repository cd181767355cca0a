// `npm start`: prints the CLI report for examples/, then opens the extension in a real
// VS Code on examples/ (`npm run editor`). With --report-only, or where no one can look
// at an editor (CI), it stops after the report.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const report = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', 'examples'], { cwd: root, stdio: 'inherit' });
if (report.status !== 0) process.exit(report.status ?? 1);
if (process.argv.includes('--report-only') || process.env.CI) process.exit(0);
console.log('\nOpening the extension in VS Code on examples/ (Ctrl+C to stop)…');
const editor = spawnSync('npm', ['run', '--silent', 'editor'], { cwd: root, stdio: 'inherit' });
process.exit(editor.status ?? 0);
