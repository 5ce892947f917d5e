/**
 * Writes the PWA icons (PNG) next to this file from the design of static/favicon.svg: a dark
 * rounded square with a green rising line. Run once after changing the design, and commit the PNGs:
 *
 *   npx tsx static/icons/make-icons.ts
 *
 * Only node:zlib and node:fs: the shapes are rasterised here (4x4 supersampling per pixel), so no
 * image tool or download is needed.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

/** static/favicon.svg, in its 64-unit viewBox. */
const BACKGROUND: Rgb = [0x0f, 0x17, 0x2a];
const LINE: Rgb = [0x22, 0xc5, 0x5e];
const CORNER_RADIUS = 14;
const LINE_WIDTH = 6;
const POINTS: readonly Point[] = [
  [8, 44],
  [22, 30],
  [32, 38],
  [46, 18],
  [56, 24],
];

interface IconSpec {
  readonly file: string;
  readonly size: number;
  /** Rounded corners with a transparent outside ('any' icons) or a full-bleed square (maskable, Apple). */
  readonly rounded: boolean;
  /** Scale of the line around the centre: maskable icons keep it inside the 80 % safe circle. */
  readonly lineScale: number;
}

const ICONS: readonly IconSpec[] = [
  { file: 'icon-192.png', size: 192, rounded: true, lineScale: 1 },
  { file: 'icon-512.png', size: 512, rounded: true, lineScale: 1 },
  { file: 'maskable-512.png', size: 512, rounded: false, lineScale: 0.72 },
  { file: 'apple-touch-icon-180.png', size: 180, rounded: false, lineScale: 0.82 },
];

/** Distance from p to the segment a-b. */
function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Whether p lies inside the 64x64 square with corners of radius r. */
function insideRoundedSquare(p: Point, r: number): boolean {
  const cx = Math.min(Math.max(p[0], r), 64 - r);
  const cy = Math.min(Math.max(p[1], r), 64 - r);
  return Math.hypot(p[0] - cx, p[1] - cy) <= r;
}

/** Rows of RGBA pixels, each prefixed by PNG filter byte 0 (none). */
function render(spec: IconSpec): Buffer {
  const { size, rounded, lineScale } = spec;
  const points = POINTS.map(([x, y]): Point => [32 + (x - 32) * lineScale, 32 + (y - 32) * lineScale]);
  const halfWidth = (LINE_WIDTH * lineScale) / 2;
  const SS = 4;
  const out = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    out[row] = 0;
    for (let x = 0; x < size; x++) {
      let shape = 0;
      let line = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const p: Point = [((x + (sx + 0.5) / SS) * 64) / size, ((y + (sy + 0.5) / SS) * 64) / size];
          if (rounded && !insideRoundedSquare(p, CORNER_RADIUS)) continue;
          shape++;
          for (let i = 1; i < points.length; i++) {
            if (segmentDistance(p, points[i - 1] as Point, points[i] as Point) <= halfWidth) {
              line++;
              break;
            }
          }
        }
      }
      const alpha = shape / (SS * SS);
      // Straight (not premultiplied) alpha: the colour is the mix inside the shape.
      const mix = shape === 0 ? 0 : line / shape;
      const o = row + 1 + x * 4;
      for (let c = 0; c < 3; c++) out[o + c] = Math.round((BACKGROUND[c] as number) * (1 - mix) + (LINE[c] as number) * mix);
      out[o + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

function png(spec: IconSpec): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(spec.size, 0);
  header.writeUInt32BE(spec.size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering (filter byte per row)
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(render(spec), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const spec of ICONS) {
  const file = new URL(spec.file, import.meta.url);
  const bytes = png(spec);
  writeFileSync(file, bytes);
  console.log(`${spec.file}: ${spec.size}x${spec.size}, ${bytes.length} bytes`);
}
