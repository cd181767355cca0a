// Screenshots for docs/screenshots, taken by the code-server runner (skipped elsewhere).
import * as vscode from 'vscode';
import { api, open, positionOf, screenshot, screenshotHover, waitFor } from './helpers';

const enabled = !!process.env.SECOND_SOURCE_SCREENSHOT_REQUESTS;

(enabled ? describe : describe.skip)('Screenshots', () => {
  it('captures the hover card of a corroborated claim', async () => {
    await api();
    const document = await open('003');
    const editor = vscode.window.activeTextEditor!;
    const position = positionOf(document, 'The probe follows an initial report', 4);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await screenshotHover('hover-claim');
  });

  it('captures the hover card of a suspect spelling', async () => {
    const document = await open('000');
    const editor = vscode.window.activeTextEditor!;
    const position = positionOf(document, 'China Unicorn', 'China Uni'.length);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    await screenshotHover('hover-spelling');
  });

  it('captures the Problems panel', async () => {
    // Closing the editors closes the hover card left open above.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await open('000');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('problems', '.markers-panel .monaco-list-row');
  });

  it('captures the sidebar', async () => {
    const { store, claimsTree } = await api();
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const document = await open('002');
    const article = await waitFor('002 analysed', () => store.article(document.uri));
    await vscode.commands.executeCommand('secondSource.showSidebar');
    const claim = article.analysis.claims.find((c) => c.text.includes('refused')) ?? article.analysis.claims[0];
    const editor = vscode.window.activeTextEditor!;
    const position = document.positionAt(claim.start);
    editor.selection = new vscode.Selection(position, position);
    await waitFor('the claim node', () => claimsTree.nodeOfClaim(claim.id));
    await screenshot('sidebar', '.pane-body .monaco-list-row');
  });

  it('captures the hover card of a copy-only claim', async () => {
    const { store } = await api();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const document = await open('000');
    const article = await waitFor('000 analysed', () => store.article(document.uri));
    const claim = article.analysis.claims.find((c) => c.status === 'copy-only' && c.text.startsWith('The Taiwanese government is performing')) ?? article.analysis.claims.find((c) => c.status === 'copy-only')!;
    const editor = vscode.window.activeTextEditor!;
    const position = document.positionAt(claim.start + 4);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    await screenshotHover('hover-copy');
  });

  it('captures “highlight” decorations in light, dark and high-contrast themes', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const settings = vscode.workspace.getConfiguration();
    await settings.update('secondSource.decorations', 'highlight', vscode.ConfigurationTarget.Workspace);
    const themes: [string, string, vscode.ColorThemeKind][] = [
      ['light', 'Default Light Modern', vscode.ColorThemeKind.Light],
      ['dark', 'Default Dark Modern', vscode.ColorThemeKind.Dark],
      ['high-contrast', 'Default High Contrast', vscode.ColorThemeKind.HighContrast],
    ];
    try {
      const document = await open('000');
      const editor = vscode.window.activeTextEditor!;
      const position = positionOf(document, 'Android Headlines');
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
      for (const [name, theme, kind] of themes) {
        await settings.update('workbench.colorTheme', theme, vscode.ConfigurationTarget.Workspace);
        await waitFor(`the ${theme} theme`, () => vscode.window.activeColorTheme.kind === kind, 10_000);
        await screenshot(`highlight-${name}`, '.view-lines');
      }
    } finally {
      await settings.update('workbench.colorTheme', undefined, vscode.ConfigurationTarget.Workspace);
      await settings.update('secondSource.decorations', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
