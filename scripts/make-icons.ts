// Draws Lumbung's icons — a rice barn (lumbung) on stilts — and writes them as PNG files.
// The shapes are defined once in unit coordinates and rasterised with 4×4 supersampling; the PNG
// encoder is hand-written on node:zlib so the icons need no image library and can be regenerated
// byte-for-byte: `node --import tsx scripts/make-icons.ts`.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Rgba = readonly [number, number, number, number];
type Point = readonly [number, number];
/** A shape answers "is this point (unit coordinates, y down) inside me?". */
type Shape = { readonly contains: (x: number, y: number) => boolean; readonly colour: Rgba };

// The palette matches the manifest's theme colour (forest green) and the app's straw accent.
const GREEN: Rgba = [0x1d, 0x5c, 0x3a, 0xff];
const STRAW: Rgba = [0xf2, 0xc1, 0x4e, 0xff];
const STRAW_DARK: Rgba = [0xc8, 0x8f, 0x22, 0xff];
const WALL: Rgba = [0xfd, 0xf8, 0xec, 0xff];
const WOOD: Rgba = [0x7a, 0x4a, 0x24, 0xff];

function polygon(points: readonly Point[], colour: Rgba): Shape {
  return {
    colour,
    contains(x, y) {
      // Even-odd ray casting.
      let inside = false;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i] ?? [0, 0];
        const [xj, yj] = points[j] ?? [0, 0];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    },
  };
}

function rect(x0: number, y0: number, x1: number, y1: number, colour: Rgba): Shape {
  return { colour, contains: (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1 };
}

function ellipse(cx: number, cy: number, rx: number, ry: number, colour: Rgba): Shape {
  return { colour, contains: (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1 };
}

function roundedSquare(radius: number, colour: Rgba): Shape {
  return {
    colour,
    contains(x, y) {
      const dx = Math.max(radius - x, 0, x - (1 - radius));
      const dy = Math.max(radius - y, 0, y - (1 - radius));
      return dx * dx + dy * dy <= radius * radius;
    },
  };
}

/** The bell-shaped thatched roof of a Sasak lumbung: narrow apex, flaring eaves. */
function roofOutline(top: number, bottom: number, halfWidth: number): Point[] {
  const steps = 48;
  const right: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    right.push([0.5 + halfWidth * Math.pow(t, 0.55), top + (bottom - top) * t]);
  }
  const left = right.map(([x, y]): Point => [1 - x, y]).reverse();
  return [...right, ...left];
}

/** The barn in unit coordinates, scaled about the centre so maskable icons keep to the safe zone. */
function barn(scale: number): Shape[] {
  const s = (p: Point): Point => [0.5 + (p[0] - 0.5) * scale, 0.5 + (p[1] - 0.5) * scale];
  const scaledRect = (x0: number, y0: number, x1: number, y1: number, c: Rgba): Shape => {
    const [a, b] = s([x0, y0]);
    const [cx, d] = s([x1, y1]);
    return rect(a, b, cx, d, c);
  };
  const scaledEllipse = (cx: number, cy: number, rx: number, ry: number, c: Rgba): Shape => {
    const [x, y] = s([cx, cy]);
    return ellipse(x, y, rx * scale, ry * scale, c);
  };
  return [
    // Posts first, so the wall and rat guards sit on top of them.
    scaledRect(0.37, 0.66, 0.41, 0.86, WOOD),
    scaledRect(0.59, 0.66, 0.63, 0.86, WOOD),
    scaledRect(0.24, 0.855, 0.76, 0.885, WOOD),
    scaledRect(0.33, 0.55, 0.67, 0.7, WALL),
    scaledRect(0.46, 0.6, 0.54, 0.7, WOOD),
    // Rat guards: the wooden discs that keep mice out of the rice.
    scaledEllipse(0.39, 0.745, 0.06, 0.018, STRAW_DARK),
    scaledEllipse(0.61, 0.745, 0.06, 0.018, STRAW_DARK),
    polygon(roofOutline(0.12, 0.6, 0.33).map(s), STRAW),
    // A band of darker thatch near the eaves gives the roof its texture at small sizes.
    polygon(
      roofOutline(0.12, 0.6, 0.33)
        .filter(([, y]) => y >= 0.5)
        .map(s),
      STRAW_DARK,
    ),
  ];
}

function rasterise(size: number, shapes: readonly Shape[]): Uint8Array {
  const samples = 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let hit: Rgba | undefined;
          for (const shape of shapes) if (shape.contains(x, y)) hit = shape.colour;
          if (hit) {
            const alpha = hit[3] / 255;
            r += hit[0] * alpha;
            g += hit[1] * alpha;
            b += hit[2] * alpha;
            a += alpha;
          }
        }
      }
      const o = (py * size + px) * 4;
      const n = samples * samples;
      // Colours are premultiplied while averaging, then divided back out.
      pixels[o] = a > 0 ? Math.round(r / a) : 0;
      pixels[o + 1] = a > 0 ? Math.round(g / a) : 0;
      pixels[o + 2] = a > 0 ? Math.round(b / a) : 0;
      pixels[o + 3] = Math.round((a / n) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const body = Buffer.concat([head.subarray(4), data]);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, tail]);
}

/** Encodes 8-bit RGBA pixels as a PNG (colour type 6, filter 0 on every row). */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

type IconSpec = { readonly file: string; readonly size: number; readonly shapes: Shape[] };

// "any" icons: a rounded green tile, barn at full size. Maskable icons: full-bleed green, barn scaled
// so every mark stays inside the 80 % safe-zone circle (radius 0.4 of the icon). Apple crops its own
// corners, so its tile is full-bleed too.
const ICONS: IconSpec[] = [
  { file: 'icons/icon-192.png', size: 192, shapes: [roundedSquare(0.2, GREEN), ...barn(1)] },
  { file: 'icons/icon-512.png', size: 512, shapes: [roundedSquare(0.2, GREEN), ...barn(1)] },
  { file: 'icons/maskable-192.png', size: 192, shapes: [rect(0, 0, 1, 1, GREEN), ...barn(0.78)] },
  { file: 'icons/maskable-512.png', size: 512, shapes: [rect(0, 0, 1, 1, GREEN), ...barn(0.78)] },
  { file: 'apple-touch-icon.png', size: 180, shapes: [rect(0, 0, 1, 1, GREEN), ...barn(0.86)] },
];

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
for (const icon of ICONS) {
  const path = join(publicDir, icon.file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, encodePng(icon.size, rasterise(icon.size, icon.shapes)));
  console.log(`wrote public/${icon.file} (${icon.size}×${icon.size})`);
}
