// Draws media/icon.png (the marketplace wants a PNG): two overlapping pages and a check mark,
// rasterised here with a tiny PNG writer so no image tool is needed.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const size = 128;
const px = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a = 255]) => {
  if (x < 0 || y < 0 || x >= size || y >= size) return;
  const i = (y * size + x) * 4;
  px[i] = r; px[i + 1] = g; px[i + 2] = b; px[i + 3] = a;
};
const rect = (x0, y0, w, h, c) => { for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) set(x, y, c); };
const roundedBg = (c, r) => {
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const dx = Math.max(r - x, 0, x - (size - 1 - r)); const dy = Math.max(r - y, 0, y - (size - 1 - r));
    if (dx * dx + dy * dy <= r * r) set(x, y, c);
  }
};
roundedBg([31, 42, 68], 22);
rect(22, 20, 52, 68, [230, 234, 242]);
for (let i = 0; i < 5; i++) rect(30, 32 + i * 10, 36, 4, [150, 160, 180]);
rect(52, 40, 54, 68, [255, 255, 255]);
for (let i = 0; i < 3; i++) rect(60, 50 + i * 10, 38, 4, [150, 160, 180]);
// The check mark: two thick strokes.
const stroke = (x0, y0, x1, y1, w, c) => {
  const n = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
  for (let t = 0; t <= n; t++) rect(Math.round(x0 + ((x1 - x0) * t) / n) - w, Math.round(y0 + ((y1 - y0) * t) / n) - w, 2 * w, 2 * w, c);
};
stroke(64, 86, 74, 96, 4, [46, 160, 67]);
stroke(74, 96, 96, 72, 4, [46, 160, 67]);

const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4); header[8] = 8; header[9] = 6;
const raw = Buffer.concat(Array.from({ length: size }, (_, y) => Buffer.concat([Buffer.from([0]), px.subarray(y * size * 4, (y + 1) * size * 4)])));
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'media', 'icon.png'), png);
