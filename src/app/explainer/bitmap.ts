import { rgb } from 'd3-color';

/** Each value's colour as RGBA bytes, 4 per value. */
export function colorsToRgba(values: ArrayLike<number>, color: (v: number) => string): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(values.length * 4);
  // The colour scales return one of a few hundred strings; each is parsed once, not once per cell.
  const parsed = new Map<string, [number, number, number]>();
  for (let i = 0; i < values.length; i++) {
    const css = color(values[i]);
    let c = parsed.get(css);
    if (!c) {
      const { r, g, b } = rgb(css);
      c = [r, g, b];
      parsed.set(css, c);
    }
    rgba[i * 4] = c[0];
    rgba[i * 4 + 1] = c[1];
    rgba[i * 4 + 2] = c[2];
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

// One canvas encodes every bitmap, one after another: a keystroke encodes a few rows, and making a canvas and its
// context costs more than encoding a row.
let canvas: HTMLCanvasElement | null = null;

/** (rows, cols) RGBA bytes as a bitmap with one pixel per value, for the browser to scale up without smoothing. */
export function rgbaToDataUrl(rgba: Uint8ClampedArray<ArrayBuffer>, rows: number, cols: number): string {
  canvas ??= document.createElement('canvas');
  canvas.width = cols;
  canvas.height = rows;
  const ctx = canvas.getContext('2d');
  if (!ctx) return '';
  ctx.putImageData(new ImageData(rgba, cols, rows), 0, 0);
  return canvas.toDataURL();
}

/** A (rows, cols) matrix as a bitmap with one pixel per value. */
export function matrixToDataUrl(values: ArrayLike<number>, rows: number, cols: number, color: (v: number) => string): string {
  return rgbaToDataUrl(colorsToRgba(values, color), rows, cols);
}
