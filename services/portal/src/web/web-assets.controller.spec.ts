import { cacheControlFor } from './web-assets.controller';

describe("the portal's assets in a phone's cache", () => {
  it('keeps a bundle file named by its content for a year, unchanged', () => {
    expect(cacheControlFor('build/app-3L4I24H5.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('build/portal-HZONK4O2.css')).toBe('public, max-age=31536000, immutable');
  });

  it('keeps anything named otherwise an hour: it may change under the same name', () => {
    for (const file of ['i18n/vi.json', 'favicon.svg', 'build/app.js', 'js/app.js', 'vendor/jsQR.js'])
      expect(cacheControlFor(file)).toBe('public, max-age=3600');
  });
});
