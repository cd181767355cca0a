import assert from 'node:assert/strict';
import { decodeBytes } from '../../src/core/text/decode';

describe('decodeBytes', () => {
  it('reads UTF-8 and drops a byte-order mark as editors do', () => {
    const r = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Café £5')]));
    assert.ok(r.ok);
    assert.equal(r.ok && r.text, 'Café £5');
    assert.equal(r.ok && r.note, undefined);
  });

  it('falls back to Latin-1 with a note when bytes are not UTF-8', () => {
    const r = decodeBytes(new Uint8Array([0x43, 0x6f, 0x73, 0x74, 0x20, 0xa3, 0x35]));
    assert.ok(r.ok);
    assert.equal(r.ok && r.text, 'Cost £5');
    assert.equal(r.ok && r.encoding, 'latin-1');
    assert.match((r.ok && r.note) || '', /Latin-1/);
  });

  it('refuses binary content with a reason', () => {
    const r = decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.reason : '', /binary/);
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const r = decodeBytes(new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]));
    assert.ok(r.ok);
    assert.equal(r.ok && r.text, 'Hi');
  });

  it('decodes an empty file to empty text', () => {
    const r = decodeBytes(new Uint8Array());
    assert.ok(r.ok && r.text === '');
  });
});
