/**
 * Commands, settings, views and menus, typed once. `scripts/vscode/manifest.mjs` writes
 * package.json's `contributes` from this module, and the code imports the ids from here.
 */
import { DEFAULT_CORROBORATION_THRESHOLD } from '../core/corpus';
// The commands the language server runs or links to are named once, in its protocol.
import { CLIENT_COMMANDS, SERVER_COMMANDS } from '../server/commands';
import { colorContributions } from './claimColors';

/** Every command: id → palette title (and icon for view toolbars). `hidden` ones are not in the palette. */
export const COMMANDS = {
  nextClaim: { id: 'secondSource.nextClaim', title: 'Next claim' },
  previousClaim: { id: 'secondSource.previousClaim', title: 'Previous claim' },
  nextSingleSourceClaim: { id: 'secondSource.nextSingleSourceClaim', title: 'Next single-source claim' },
  previousSingleSourceClaim: { id: 'secondSource.previousSingleSourceClaim', title: 'Previous single-source claim' },
  reanalyze: { id: 'secondSource.reanalyze', title: 'Re-analyse the workspace', icon: '$(refresh)' },
  showSidebar: { id: 'secondSource.showSidebar', title: 'Show claims and spellings' },
  groupClaims: { id: 'secondSource.claims.groupBy', title: 'Group claims by…', icon: '$(list-tree)' },
  sortClaims: { id: 'secondSource.claims.sortBy', title: 'Sort claims by…', icon: '$(list-ordered)' },
  filterClaims: { id: 'secondSource.claims.filter', title: 'Filter claims…', icon: '$(filter)' },
  filterClaimsByText: { id: 'secondSource.claims.filterByText', title: 'Show claims containing words…', icon: '$(search)' },
  openLocation: { id: CLIENT_COMMANDS.openLocation, title: 'Open at sentence', hidden: true },
  applySuggestion: { id: CLIENT_COMMANDS.applySuggestion, title: 'Apply the suggested spelling', icon: '$(check)', hidden: true },
  fixAllInFile: { id: 'secondSource.fixAllInFile', title: 'Fix all like this in the file', icon: '$(check-all)', hidden: true },
  addToWordList: { id: SERVER_COMMANDS.addToWordList, title: 'Add to the workspace word list', icon: '$(add)', hidden: true },
  ignoreFinding: { id: SERVER_COMMANDS.ignoreFinding, title: 'Ignore here', icon: '$(eye-closed)', hidden: true },
} as const;

/** The activity-bar container and its views. */
export const VIEWS = {
  container: 'secondSource',
  claims: 'secondSource.claims',
  spellings: 'secondSource.spellings',
} as const;

/** Context value of a suspect-spelling tree item (its inline actions key on it). */
export const FINDING_CONTEXT = 'secondSource.finding';

/** Decoration styles for claims in the editor. */
export const DECORATION_STYLES = ['gutter', 'highlight', 'off'] as const;

/** The settings, under one prefix, each with its scope and a markdown description. */
export const CONFIGURATION = {
  title: 'Second Source',
  properties: {
    'secondSource.files': {
      type: 'array',
      items: { type: 'string' },
      default: ['**/*.txt', '**/*.md', '**/*.markdown'],
      scope: 'resource',
      order: 1,
      markdownDescription: 'Glob patterns of the articles to check, relative to each workspace folder.',
    },
    'secondSource.exclude': {
      type: 'array',
      items: { type: 'string' },
      default: ['**/node_modules/**', '**/.git/**', '**/.second-source/**'],
      scope: 'resource',
      order: 2,
      markdownDescription: 'Glob patterns of files never to check, even when they match `#secondSource.files#`.',
    },
    'secondSource.checks': {
      type: 'object',
      properties: {
        claims: { type: 'boolean', default: true, description: 'Find claims and their sources.' },
        spelling: { type: 'boolean', default: true, description: 'Flag suspect spellings.' },
        names: { type: 'boolean', default: true, description: 'Flag near-misses of known names ("China Unicorn").' },
        compounds: { type: 'boolean', default: true, description: 'Flag split and run-together compounds ("news paper").' },
        style: { type: 'boolean', default: true, description: 'Flag repeated words and wrong indefinite articles.' },
      },
      additionalProperties: false,
      default: { claims: true, spelling: true, names: true, compounds: true, style: true },
      scope: 'window',
      order: 3,
      markdownDescription: 'Which checks run. Turning one off hides its results everywhere.',
    },
    'secondSource.corroborationThreshold': {
      type: 'number',
      default: DEFAULT_CORROBORATION_THRESHOLD,
      minimum: 0,
      maximum: 1,
      scope: 'window',
      order: 4,
      markdownDescription: 'Minimum match score (0–1) for a sentence in another document to count as a source for a claim.',
    },
    'secondSource.minimumConfidence': {
      type: 'number',
      default: 0,
      minimum: 0,
      maximum: 1,
      scope: 'window',
      order: 5,
      markdownDescription: 'Suspect spellings the engine is less sure of than this (0–1) are not shown.',
    },
    'secondSource.singleSourceClaims': {
      type: 'string',
      enum: ['off', 'hint', 'information'],
      enumDescriptions: ['Claims stay out of the Problems panel.', 'Single-source claims are hints (dotted underline).', 'Single-source claims are listed in the Problems panel as information.'],
      default: 'off',
      scope: 'resource',
      order: 6,
      markdownDescription: 'Whether claims that stand on one source are reported as diagnostics. Claims are not problems, so this is `off` by default.',
    },
    'secondSource.decorations': {
      type: 'string',
      enum: [...DECORATION_STYLES],
      enumDescriptions: ['A coloured mark in the gutter beside each claim.', 'A faint background across each claim and a coloured left edge, solid, dashed, dotted or double by status (theme colours `secondSource.*Edge` and `secondSource.*Background`).', 'No claim decorations.'],
      default: 'gutter',
      scope: 'resource',
      order: 7,
      markdownDescription: 'How corroborated, single-source, copy-only and conflicting claims are marked in the editor.',
    },
    'secondSource.maxFileSize': {
      type: 'number',
      default: 2000000,
      minimum: 1,
      scope: 'window',
      order: 8,
      markdownDescription: 'Files larger than this many bytes are skipped (with a note in the **Second Source** output).',
    },
    'secondSource.debounce': {
      type: 'number',
      default: 400,
      minimum: 0,
      scope: 'window',
      order: 9,
      markdownDescription: 'Milliseconds to wait after the last keystroke before the edited document is analysed again.',
    },
    'secondSource.followCursor': {
      type: 'boolean',
      default: true,
      scope: 'window',
      order: 10,
      markdownDescription: 'Reveal the claim under the cursor in the **Claims** view.',
    },
    'secondSource.hintsInSpellingsView': {
      type: 'boolean',
      default: false,
      scope: 'window',
      order: 11,
      markdownDescription: 'Also list hints (unknown words with no confident fix) in the **Suspect spellings** view. By default it lists only the findings the Problems panel shows.',
    },
  },
} as const;

/** package.json `contributes`, derived from the records above. */
export function manifestContributes(): Record<string, unknown> {
  const all = Object.values(COMMANDS);
  const hidden = all.filter((c) => 'hidden' in c && c.hidden);
  const item = (cmd: { id: string }, when: string, group = 'navigation') => ({ command: cmd.id, when, group });
  return {
    commands: all.map((c) => ({ command: c.id, title: c.title, category: 'Second Source', ...('icon' in c ? { icon: c.icon } : {}) })),
    configuration: CONFIGURATION,
    colors: colorContributions(),
    viewsContainers: {
      activitybar: [{ id: VIEWS.container, title: 'Second Source', icon: 'media/second-source.svg' }],
    },
    views: {
      [VIEWS.container]: [
        { id: VIEWS.claims, name: 'Claims', icon: 'media/second-source.svg', contextualTitle: 'Second Source' },
        { id: VIEWS.spellings, name: 'Suspect spellings', icon: 'media/second-source.svg', contextualTitle: 'Second Source' },
      ],
    },
    viewsWelcome: [{ view: VIEWS.claims, contents: 'No articles found yet. Second Source checks files matching `secondSource.files` (by default `**/*.txt`, `**/*.md` and `**/*.markdown`).\n[Re-analyse the workspace](command:secondSource.reanalyze)' }],
    menus: {
      commandPalette: hidden.map((c) => ({ command: c.id, when: 'false' })),
      'view/title': [
        item(COMMANDS.groupClaims, `view == ${VIEWS.claims}`),
        item(COMMANDS.sortClaims, `view == ${VIEWS.claims}`),
        item(COMMANDS.filterClaims, `view == ${VIEWS.claims}`),
        item(COMMANDS.reanalyze, `view == ${VIEWS.claims}`),
      ],
      'view/item/context': [
        item(COMMANDS.applySuggestion, `view == ${VIEWS.spellings} && viewItem == ${FINDING_CONTEXT}`, 'inline@1'),
        item(COMMANDS.addToWordList, `view == ${VIEWS.spellings} && viewItem == ${FINDING_CONTEXT}`, 'inline@2'),
        item(COMMANDS.ignoreFinding, `view == ${VIEWS.spellings} && viewItem == ${FINDING_CONTEXT}`, 'inline@3'),
        item(COMMANDS.fixAllInFile, `view == ${VIEWS.spellings} && viewItem == ${FINDING_CONTEXT}`, 'fix@1'),
      ],
    },
    grammars: [
      { language: 'plaintext', scopeName: 'text.plain', path: './syntaxes/plaintext.tmLanguage.json' },
      {
        scopeName: 'text.second-source.injection',
        path: './syntaxes/second-source.injection.tmLanguage.json',
        injectTo: ['text.plain', 'text.html.markdown'],
      },
    ],
  };
}
