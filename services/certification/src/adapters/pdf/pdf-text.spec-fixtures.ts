/**
 * Reads the text back out of an uncompressed pdfkit PDF: embedded fonts show glyph ids, and each
 * font's ToUnicode map says which characters they are. Every text run is decoded with every map;
 * the right map gives the text (enough for a test to ask "is this sentence on the page?"). Runs are
 * joined by one space, so a line wrapped inside a sentence still reads as the sentence.
 */
export function pdfTexts(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const maps = [...source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)].map((m) => toUnicodeMap(m[1]));
  const runs = [...source.matchAll(/\[([^\]]*)\] TJ/g)].map((m) =>
    [...m[1].matchAll(/<([0-9a-f]+)>/g)].map((h) => h[1]).join(''),
  );
  const decode = (hex: string, map: Map<string, string>) =>
    (hex.match(/.{4}/g) ?? []).map((g) => map.get(g) ?? '\uFFFD').join('');
  return maps.map((map) =>
    runs
      .map((hex) => decode(hex, map))
      .join(' ')
      .replace(/\s+/g, ' '),
  );
}

function toUnicodeMap(ranges: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [, start, list] of ranges.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/g)) {
    const targets = [...list.matchAll(/<([0-9a-f ]+)>/g)].map((t) =>
      String.fromCodePoint(...t[1].split(' ').map((cp) => parseInt(cp, 16))),
    );
    targets.forEach((text, i) => map.set((parseInt(start, 16) + i).toString(16).padStart(4, '0'), text));
  }
  return map;
}
