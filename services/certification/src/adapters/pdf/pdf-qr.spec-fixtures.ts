import jsQR from 'jsqr';

const PIXELS_PER_POINT = 3;
const MARGIN = 16; // points of white around the drawn squares: a scanner needs a quiet zone

/**
 * Scans the QR an uncompressed pdfkit PDF draws as vector squares: every filled rectangle
 * (`x y w h re`, in pdfkit's top-down page space) is painted black on a white raster of the area
 * they cover, which jsQR then decodes as a camera frame. Null when nothing decodes.
 */
export function scanPdfQr(pdf: Buffer): string | null {
  const squares = [...pdf.toString('latin1').matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)].map((m) =>
    m.slice(1, 5).map(Number),
  );
  if (squares.length === 0) return null;
  const left = Math.min(...squares.map(([x]) => x)) - MARGIN;
  const top = Math.min(...squares.map(([, y]) => y)) - MARGIN;
  const width = Math.ceil((Math.max(...squares.map(([x, , w]) => x + w)) + MARGIN - left) * PIXELS_PER_POINT);
  const height = Math.ceil((Math.max(...squares.map(([, y, , h]) => y + h)) + MARGIN - top) * PIXELS_PER_POINT);
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  const px = (v: number) => Math.round(v * PIXELS_PER_POINT);
  for (const [x, y, w, h] of squares)
    for (let row = px(y - top); row < px(y + h - top); row++)
      for (let column = px(x - left); column < px(x + w - left); column++)
        rgba.fill(0, (row * width + column) * 4, (row * width + column) * 4 + 3);
  return jsQR(rgba, width, height)?.data ?? null;
}
