/** fontkit (pdfkit's font engine) ships no types; pdfkit takes a font it parsed as a font source. */
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
