import QRCode from 'qrcode';
import { HC1_PREFIX } from './hcert.decoder';

/**
 * The QR of an HC1 text in alphanumeric mode: Base45 uses exactly the QR alphanumeric set, so the
 * whole text is one segment at 5.5 bits a character instead of 8 (a smaller, easier-to-scan code).
 * Error correction Q, as the eHN guidelines recommend.
 */
export function qrSegments(hc1: string) {
  if (!hc1.startsWith(HC1_PREFIX)) throw new Error('not an HC1 text');
  return [{ data: hc1, mode: 'alphanumeric' as const }];
}

export function hcertQrPng(hc1: string, scale = 4): Promise<Buffer> {
  return QRCode.toBuffer(qrSegments(hc1), { type: 'png', errorCorrectionLevel: 'Q', margin: 2, scale });
}

export function hcertQrSvg(hc1: string): Promise<string> {
  return QRCode.toString(qrSegments(hc1), { type: 'svg', errorCorrectionLevel: 'Q', margin: 2 });
}

/** The QR's modules (no quiet zone), for drawing it as vectors: `dark(row, column)`. */
export function hcertQrMatrix(hc1: string): { size: number; dark(row: number, column: number): boolean } {
  const { modules } = QRCode.create(qrSegments(hc1), { errorCorrectionLevel: 'Q' });
  return { size: modules.size, dark: (row, column) => modules.get(row, column) === 1 };
}

/** Which mode each segment of the QR uses (for tests: the whole HC1 must be alphanumeric). */
export function qrModes(hc1: string): string[] {
  return QRCode.create(qrSegments(hc1), { errorCorrectionLevel: 'Q' }).segments.map((s) => s.mode.id);
}
