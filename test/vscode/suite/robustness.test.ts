import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, waitFor, workspaceFolder } from './helpers';

describe('Bad input', () => {
  it('skips a binary file and a non-UTF-8 file with a reason, and keeps working', async () => {
    const { store } = await api();
    const binary = vscode.Uri.joinPath(workspaceFolder(), 'binary.txt');
    const latin1 = vscode.Uri.joinPath(workspaceFolder(), 'latin1.txt');
    await vscode.workspace.fs.writeFile(binary, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]));
    await vscode.workspace.fs.writeFile(latin1, new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72, 0x2e]));
    try {
      const skipped = await waitFor('both files skipped', () => {
        const s = store.skipped();
        return s.some((f) => f.uri.path.endsWith('binary.txt')) && s.some((f) => f.uri.path.endsWith('latin1.txt')) && s;
      });
      assert.match(skipped.find((f) => f.uri.path.endsWith('binary.txt'))!.reason, /binary/);
      assert.match(skipped.find((f) => f.uri.path.endsWith('latin1.txt'))!.reason, /UTF-8/);
      assert.ok(store.articles().length >= 5, 'the seeds are still analysed');
    } finally {
      await vscode.workspace.fs.delete(binary);
      await vscode.workspace.fs.delete(latin1);
    }
  });
});
