/** The `base45` package (RFC 9285) ships no types. */
declare module 'base45' {
  export function encode(bytes: Uint8Array | string): string;
  export function decode(text: string): Buffer;
}
