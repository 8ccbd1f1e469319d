import { rgb } from 'd3-color';

/** A (rows, cols) matrix as a bitmap with one pixel per value, for the browser to scale up without smoothing. */
export function matrixToDataUrl(values: ArrayLike<number>, rows: number, cols: number, color: (v: number) => string): string {
  const canvas = document.createElement('canvas');
  canvas.width = cols;
  canvas.height = rows;
  const ctx = canvas.getContext('2d');
  if (!ctx) return '';
  const image = ctx.createImageData(cols, rows);
  // The colour scales return one of a few hundred strings; each is parsed once, not once per cell.
  const parsed = new Map<string, [number, number, number]>();
  for (let i = 0; i < rows * cols; i++) {
    const css = color(values[i]);
    let c = parsed.get(css);
    if (!c) {
      const { r, g, b } = rgb(css);
      c = [r, g, b];
      parsed.set(css, c);
    }
    image.data[i * 4] = c[0];
    image.data[i * 4 + 1] = c[1];
    image.data[i * 4 + 2] = c[2];
    image.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  return canvas.toDataURL();
}
