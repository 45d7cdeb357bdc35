import { jsonForScript, withFirstData } from './first-data.script';

const PAGE = '<!doctype html><html><head></head><body><main id="view"></main></body></html>';
/** What the browser's HTML parser would take as the data block's text: up to the first `</script`. */
const blockText = (html: string) => {
  const start = html.indexOf('<script type="application/json" id="first-data">');
  const from = html.indexOf('>', start) + 1;
  return html.slice(from, html.toLowerCase().indexOf('</script', from));
};

describe("a signed-in person's first data written into the page", () => {
  const hostile = {
    '/api/me/record': {
      status: 200,
      body: {
        fullName: '</script><script>alert(1)</script>',
        note: '<!-- <script>',
        amp: 'a&b',
        line: 'x\u2028y\u2029z',
      },
    },
  };

  it('cannot end its script element or open a comment, whatever the data holds', () => {
    const html = withFirstData(PAGE, hostile);
    const text = blockText(html);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });

  it('still reads back as the same data', () => {
    expect(JSON.parse(blockText(withFirstData(PAGE, hostile)))).toEqual(hostile);
    expect(JSON.parse(jsonForScript({ a: '</SCRIPT>' }))).toEqual({ a: '</SCRIPT>' });
  });

  it('goes at the end of the body, after the page it belongs to, as a data block the browser does not run', () => {
    const html = withFirstData(PAGE, { '/api/session': { status: 200, body: { role: 'citizen' } } });
    expect(html).toMatch(
      /<main id="view"><\/main><script type="application\/json" id="first-data">\{"\/api\/session":\{"status":200,"body":\{"role":"citizen"\}\}\}<\/script>\n<\/body>/,
    );
  });

  it('refuses a page with no body to put it in, rather than dropping it silently', () => {
    expect(() => withFirstData('<html></html>', {})).toThrow(/no <\/body>/);
  });
});
