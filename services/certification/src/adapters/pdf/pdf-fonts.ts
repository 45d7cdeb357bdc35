import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';

/** DejaVu Sans carries every Vietnamese letter; bundled with the app, not taken from the system. */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const PDF_FONTS = { regular: join(FONT_DIR, 'DejaVuSans.ttf'), bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf') };

let parsed: { regular: Font; bold: Font } | undefined;

/**
 * The fonts, parsed once per process. Given a path or a buffer, pdfkit parses the whole font again
 * for every document (a fifth of a certificate's rendering); given a parsed fontkit font, it only
 * subsets it. The font is read-only to pdfkit (each document keeps its own subset), and its glyph
 * and layout caches then serve every later document too.
 */
export function pdfFonts(): { regular: Font; bold: Font } {
  parsed ??= {
    regular: create(readFileSync(PDF_FONTS.regular)),
    bold: create(readFileSync(PDF_FONTS.bold)),
  };
  return parsed;
}
