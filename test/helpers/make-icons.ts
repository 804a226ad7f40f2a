/**
 * Generates the add-in icons assets/icon-{16,32,64,80,128}.png: a blue rounded square (Fluent brand blue) with
 * three rising white bars and an amber check mark — "budget performance, checked".
 * Pure geometry with 4×4 supersampling, written with test/helpers/png.ts. Re-run after changing the design:
 *
 *   npx tsc --outDir /tmp/bpr-icons --module commonjs --moduleResolution node10 --types node \
 *     test/helpers/make-icons.ts && node /tmp/bpr-icons/make-icons.js
 */
import { mkdirSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { encodePng } from "./png";

type RGB = [number, number, number];
const BLUE: RGB = [0x0f, 0x6c, 0xbd];
const WHITE: RGB = [0xff, 0xff, 0xff];
const AMBER: RGB = [0xff, 0xc8, 0x3d];

/** Coverage tests in unit coordinates (0..1, y down). */
function inRoundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

const bars: Array<[number, number, number]> = [
  // x0, x1, top (bottom is 0.80)
  [0.22, 0.35, 0.62],
  [0.435, 0.565, 0.5],
  [0.65, 0.78, 0.34],
];
const check: Array<[number, number]> = [
  [0.2, 0.36],
  [0.3, 0.46],
  [0.5, 0.2],
];

/** The colour at a sample point, or null when transparent. Later layers paint over earlier ones. */
function sample(x: number, y: number): RGB | null {
  if (!inRoundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.18)) return null;
  let colour: RGB = BLUE;
  for (const [x0, x1, top] of bars) if (inRoundedRect(x, y, x0, top, x1, 0.8, 0.02)) colour = WHITE;
  for (let i = 0; i + 1 < check.length; i++) {
    const [ax, ay] = check[i];
    const [bx, by] = check[i + 1];
    if (distanceToSegment(x, y, ax, ay, bx, by) <= 0.055) colour = AMBER;
  }
  return colour;
}

export function renderIcon(size: number, samples = 4): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = sample((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        rgba[i] = Math.round(r / covered);
        rgba[i + 1] = Math.round(g / covered);
        rgba[i + 2] = Math.round(b / covered);
        rgba[i + 3] = Math.round((255 * covered) / (samples * samples));
      }
    }
  }
  return rgba;
}

export const ICON_SIZES = [16, 32, 64, 80, 128];

export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, renderIcon(size)));
    return file;
  });
}

if (require.main === module) {
  const dir = resolve(process.argv[2] ?? "assets");
  for (const file of writeIcons(dir)) console.log(`wrote ${file}`);
}
