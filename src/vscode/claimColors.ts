/**
 * The colours of claim highlights, registered as theme colours (package.json
 * `contributes.colors`) so that a theme can override them. The edges come from the Okabe–Ito
 * palette, chosen to stay apart for readers with the common colour-vision deficiencies; each
 * status also has its own edge style (solid, dashed, dotted, double), so that no reader has to
 * tell two statuses by colour alone. No `vscode` import: package.json is written from here.
 */
import type { ClaimStatus } from '../core/types';

/** One theme colour: its default in light, dark and both high-contrast themes. */
export interface ThemeColorDefaults {
  light: string;
  dark: string;
  highContrast: string;
  highContrastLight: string;
}

/** How a status is drawn with `secondSource.decorations: "highlight"`. */
export interface ClaimHighlight {
  /** CSS border-style of the left edge. */
  edgeStyle: 'solid' | 'dashed' | 'dotted' | 'double';
  edge: ThemeColorDefaults;
  background: ThemeColorDefaults;
}

// A background faint enough to read through: about 9 % of the edge colour (alpha 0x18); none
// in high contrast, where the edge alone marks the claim against the theme's own colours.
const faint = (light: string, dark: string): ThemeColorDefaults => ({ light: `${light}18`, dark: `${dark}20`, highContrast: '#00000000', highContrastLight: '#00000000' });

/** Status → highlight. Light themes take the darker shade of each hue, for contrast on white. */
export const CLAIM_HIGHLIGHTS: Record<ClaimStatus, ClaimHighlight> = {
  // Okabe–Ito bluish green.
  corroborated: { edgeStyle: 'solid', edge: { light: '#007a5a', dark: '#009e73', highContrast: '#3fdcaa', highContrastLight: '#0b7a3e' }, background: faint('#009e73', '#009e73') },
  // Okabe–Ito orange.
  'single-source': { edgeStyle: 'dashed', edge: { light: '#b37a00', dark: '#e69f00', highContrast: '#ffc233', highContrastLight: '#7a5300' }, background: faint('#e69f00', '#e69f00') },
  // Okabe–Ito blue (sky blue on dark).
  'copy-only': { edgeStyle: 'dotted', edge: { light: '#0072b2', dark: '#56b4e9', highContrast: '#8fd0ff', highContrastLight: '#00527f' }, background: faint('#0072b2', '#56b4e9') },
  // Okabe–Ito reddish purple: apart from the orange of single-source for every common deficiency, where vermillion is not.
  conflicting: { edgeStyle: 'double', edge: { light: '#a8517f', dark: '#cc79a7', highContrast: '#ff6e6e', highContrastLight: '#7d2f5a' }, background: faint('#cc79a7', '#cc79a7') },
};

/** A status's two theme colour ids. */
export const highlightColorIds = (status: ClaimStatus) => {
  const name = status.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return { edge: `secondSource.${name}Edge`, background: `secondSource.${name}Background` };
};

/** package.json `contributes.colors`. */
export function colorContributions() {
  return (Object.keys(CLAIM_HIGHLIGHTS) as ClaimStatus[]).flatMap((status) => {
    const ids = highlightColorIds(status);
    const { edge, background } = CLAIM_HIGHLIGHTS[status];
    return [
      { id: ids.edge, description: `The left edge of a ${status} claim when secondSource.decorations is "highlight".`, defaults: edge },
      { id: ids.background, description: `The faint background of a ${status} claim when secondSource.decorations is "highlight".`, defaults: background },
    ];
  });
}
