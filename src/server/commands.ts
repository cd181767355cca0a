/**
 * The command ids the server and the VS Code extension share, in a module with no imports:
 * the extension's manifest (src/vscode/contributes.ts) is built from them too.
 */

/** The commands the server executes (`workspace/executeCommand`); the ids are the extension's. */
export const SERVER_COMMANDS = {
  addToWordList: 'secondSource.addToWordList',
  ignoreFinding: 'secondSource.ignoreFinding',
} as const;

/**
 * The commands a client runs itself, linked from hover cards when it asks for command links
 * (the VS Code extension's; src/vscode/contributes.ts takes its ids from here).
 */
export const CLIENT_COMMANDS = {
  openLocation: 'secondSource.openLocation',
  applySuggestion: 'secondSource.applySuggestion',
} as const;
