import * as assert from 'node:assert/strict';
import { CLAIM_HIGHLIGHTS, colorContributions } from '../../src/vscode/claimColors';

// Colour-vision deficiencies simulated with the matrices of Machado, Oliveira and Fernandes
// (2009) at full severity, on linear RGB; distance is CIE76 ΔE in CIELAB (D65).
const CVD: Record<string, number[][]> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
function lab(hex: string, m: number[][]): number[] {
  const rgb = [1, 3, 5].map((i) => toLinear(Number.parseInt(hex.slice(i, i + 2), 16) / 255));
  const [r, g, b] = m.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])));
  const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  const f = xyz.map((t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116));
  return [116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])];
}
const deltaE = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('claim highlight colours', () => {
  const statuses = Object.keys(CLAIM_HIGHLIGHTS) as (keyof typeof CLAIM_HIGHLIGHTS)[];

  for (const theme of ['light', 'dark', 'highContrast', 'highContrastLight'] as const) {
    it(`keeps the four edges apart in ${theme} themes, for normal vision and each dichromacy`, () => {
      for (const [vision, m] of Object.entries(CVD)) {
        for (let i = 0; i < statuses.length; i++) {
          for (let j = i + 1; j < statuses.length; j++) {
            const d = deltaE(lab(CLAIM_HIGHLIGHTS[statuses[i]].edge[theme], m), lab(CLAIM_HIGHLIGHTS[statuses[j]].edge[theme], m));
            // ΔE 10 reads as a different colour at a glance (2.3 is the least that can be seen); the edge styles add a second cue.
            assert.ok(d >= 10, `${statuses[i]} and ${statuses[j]} in ${theme}, ${vision}: ΔE ${d.toFixed(1)}`);
          }
        }
      }
    });
  }

  it('gives each status its own edge style, so colour is never the only cue', () => {
    const styles = statuses.map((s) => CLAIM_HIGHLIGHTS[s].edgeStyle);
    assert.equal(new Set(styles).size, styles.length);
  });

  it('registers an edge and a background colour per status, with a default for every theme kind', () => {
    const colors = colorContributions();
    assert.equal(colors.length, 2 * statuses.length);
    for (const c of colors) {
      assert.match(c.id, /^secondSource\.[a-zA-Z]+(Edge|Background)$/);
      for (const v of Object.values(c.defaults)) assert.match(v, /^#[0-9a-f]{6}([0-9a-f]{2})?$/);
    }
  });
});
