/**
 * Draws the add-in's icons into addin/assets/ (icon-16/32/64/80.png): a blue rounded square with a
 * white tick and a red bar, the product's "checked, one shortfall" at a glance. Written as PNG
 * with Node's zlib, so nothing is downloaded and the icons can be remade exactly.
 *
 *   npx ts-node --transpile-only scripts/make-icons.ts      (or: npm run icons)
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { deflateSync } from 'zlib';

const OUT = join(__dirname, '..', 'addin', 'assets');
const SIZES = [16, 32, 64, 80];
const SAMPLES = 4; // per axis, for anti-aliased edges

type Rgb = readonly [number, number, number];
const BLUE: Rgb = [0x0f, 0x6c, 0xbd];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const RED: Rgb = [0xc5, 0x0f, 0x1f];

/** The picture in a unit square: which colour covers point (x, y), or none. */
function paint(x: number, y: number): Rgb | null {
  if (!insideRoundedSquare(x, y, 0.04, 0.18)) return null;
  if (nearSegment(x, y, [0.24, 0.5], [0.42, 0.68], 0.075) || nearSegment(x, y, [0.42, 0.68], [0.78, 0.3], 0.075)) return WHITE;
  if (x > 0.56 && x < 0.82 && y > 0.74 && y < 0.84) return RED;
  return BLUE;
}

function insideRoundedSquare(x: number, y: number, margin: number, radius: number): boolean {
  const lo = margin + radius;
  const hi = 1 - margin - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return x >= margin && x <= 1 - margin && y >= margin && y <= 1 - margin && dx * dx + dy * dy <= radius * radius;
}

function nearSegment(x: number, y: number, a: [number, number], b: [number, number], halfWidth: number): boolean {
  const [ax, ay] = a;
  const [bx, by] = b;
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= halfWidth;
}

function render(size: number): Buffer {
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = paint((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
      const o = 1 + px * 4;
      if (a) row.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / SAMPLES ** 2)], o);
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

function png(width: number, height: number, scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

for (const size of SIZES) {
  const file = join(OUT, `icon-${size}.png`);
  writeFileSync(file, render(size));
  console.log(file);
}
