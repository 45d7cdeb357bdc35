import { hcertQrMatrix } from '../hcert/qr-code';

/** The part of pdfkit's document a QR is drawn with (pdfkit's own `rect` and `fill`). */
interface PathCanvas {
  rect(x: number, y: number, w: number, h: number): this;
  fill(color: string): this;
}

/** Modules of white around the code, as the PNG had (the page around it is white as well). */
const QUIET_ZONE = 2;

/**
 * Draws the certificate's QR as vector squares from the QR library's matrix, `width` wide with its
 * quiet zone: each row's run of dark modules one rectangle, all of them one path filled once (no
 * seams between them). An embedded PNG cost a fifth of a certificate's rendering (encoded, then
 * decoded and compressed again by pdfkit) and printed blurred when scaled; vectors print sharp.
 */
export function drawHcertQr(pdf: PathCanvas, hc1: string, x: number, y: number, width: number): void {
  const qr = hcertQrMatrix(hc1);
  const module = width / (qr.size + 2 * QUIET_ZONE);
  const left = x + QUIET_ZONE * module;
  const top = y + QUIET_ZONE * module;
  for (let row = 0; row < qr.size; row++) {
    for (let column = 0; column < qr.size;) {
      if (!qr.dark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < qr.size && qr.dark(row, column)) column++;
      pdf.rect(left + start * module, top + row * module, (column - start) * module, module);
    }
  }
  pdf.fill('black');
}
