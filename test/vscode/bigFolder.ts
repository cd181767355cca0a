// The big-folder suite, run in a VS Code of its own on a generated folder (scripts/vscode/run-tests.mjs).
import './suite/bigFolder.test';
