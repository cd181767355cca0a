/**
 * Turns a file's bytes into text, or says why it cannot. Uses only `TextDecoder`, so the
 * desktop faces and VS Code for the Web decode alike.
 */

/** The outcome of decoding: text with the encoding used and an optional note, or a reason to skip. */
export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin-1'; note?: string }
  | { ok: false; reason: string };

/** How many leading bytes are inspected to tell text from binary. */
const SNIFF_BYTES = 8192;

/** Decodes bytes as UTF-8 (BOM dropped, as editors do), UTF-16 with a BOM, or Latin-1 as a fallback. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', note: 'Decoded as UTF-16 (little-endian) from its byte-order mark.' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', note: 'Decoded as UTF-16 (big-endian) from its byte-order mark.' };
  }
  if (looksBinary(bytes.subarray(0, SNIFF_BYTES))) {
    return { ok: false, reason: 'Skipped: binary file (it holds NUL or control bytes), not text.' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: news archives of the 2000s are often Latin-1 ("£" as 0xA3). windows-1252
    // is Latin-1 with printable characters where Latin-1 has C1 controls, so it is the kinder read.
    return {
      ok: true,
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'latin-1',
      note: 'Not valid UTF-8: decoded as Latin-1 (Windows-1252); offsets refer to that decoding.',
    };
  }
}

function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    // Tabs, line feeds, carriage returns and form feeds are text; other C0 controls are not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return head.length > 0 && control / head.length > 0.1;
}
