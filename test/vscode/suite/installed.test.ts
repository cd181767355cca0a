import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { api } from './helpers';

describe('The installed package', () => {
  it('is the copy installed from the .vsix, and it activates', async () => {
    const installedIn = process.env.SECOND_SOURCE_INSTALLED_IN;
    assert.ok(installedIn, 'the runner names the extensions folder it installed into');
    const extension = vscode.extensions.getExtension('second-source.second-source');
    assert.ok(extension, 'second-source.second-source is installed');
    assert.ok(extension.extensionUri.fsPath.startsWith(installedIn), `${extension.extensionUri.fsPath} is inside ${installedIn}`);
    // A development folder has its sources beside dist/; the package has only what it ships.
    assert.equal(existsSync(join(extension.extensionUri.fsPath, 'src')), false, 'no src/ in the package');
    const { store } = await api();
    assert.ok(store.articles().length >= 5, 'the seeds are analysed by the packaged engine');
  });
});
