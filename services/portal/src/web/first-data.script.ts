/**
 * The first data a signed-in page needs, written into index.html by the server (issue 17): on a
 * phone network whose round trip is two seconds, the page then needs two round trips (the page; its
 * script) instead of three or four. The browser takes each answer as if it had asked for it
 * (js/api.js), once.
 */

/** An API answer as the browser would have received it: status and JSON body. */
export interface FirstAnswer {
  status: number;
  body: unknown;
}

export type FirstAnswers = Record<string, FirstAnswer>;

export const FIRST_DATA_ELEMENT_ID = 'first-data';

/**
 * JSON safe inside a `<script>` element: `<`, `>` and `&` written as \u escapes, so a value holding
 * `</script>` or `<!--` cannot end the element or open a comment; U+2028 and U+2029 escaped for
 * older parsers. The result still parses as the same JSON.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The page with its first data as a JSON data block (not run: CSP's script-src does not apply) before `</body>`. */
export function withFirstData(html: string, answers: FirstAnswers): string {
  const at = html.lastIndexOf('</body>');
  if (at < 0) throw new Error('index.html has no </body>');
  const block = `<script type="application/json" id="${FIRST_DATA_ELEMENT_ID}">${jsonForScript(answers)}</script>\n`;
  return html.slice(0, at) + block + html.slice(at);
}
