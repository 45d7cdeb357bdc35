import { RenderedFilesCache } from './rendered-files.cache';

const file = (text: string) => Buffer.from(text.padEnd(10, '.'));

function counting() {
  const renders: string[] = [];
  const render = (what: string) => () => {
    renders.push(what);
    return Promise.resolve(file(what));
  };
  return { renders, render };
}

describe('rendered files, kept by what they were rendered from', () => {
  it('renders a file once and answers the same content from memory', async () => {
    const cache = new RenderedFilesCache();
    const { renders, render } = counting();
    const a = await cache.get({ certificateId: 'A', size: 'A4' }, render('A4'));
    const b = await cache.get({ certificateId: 'A', size: 'A4' }, render('A4'));
    expect(b).toBe(a);
    expect(renders).toEqual(['A4']);
  });

  it('renders again when anything it was rendered from differs (another certificate, size or dose)', async () => {
    const cache = new RenderedFilesCache();
    const { renders, render } = counting();
    await cache.get({ certificateId: 'A', size: 'A4', doses: [1] }, render('1'));
    await cache.get({ certificateId: 'A', size: 'A5', doses: [1] }, render('2'));
    await cache.get({ certificateId: 'B', size: 'A4', doses: [1] }, render('3'));
    await cache.get({ certificateId: 'A', size: 'A4', doses: [1, 2] }, render('4'));
    expect(renders).toEqual(['1', '2', '3', '4']);
  });

  it('shares one rendering among requests that arrive while it runs', async () => {
    const cache = new RenderedFilesCache();
    let renders = 0;
    let finish: (b: Buffer) => void = () => undefined;
    const slow = () => {
      renders++;
      return new Promise<Buffer>((resolve) => (finish = resolve));
    };
    const both = Promise.all([cache.get({ id: 'A' }, slow), cache.get({ id: 'A' }, slow)]);
    finish(file('A'));
    const [a, b] = await both;
    expect(renders).toBe(1);
    expect(b).toBe(a);
  });

  it('lets the least recently used files go beyond its size, and keeps nothing from a failed rendering', async () => {
    const cache = new RenderedFilesCache(25); // room for two 10-byte files
    const { renders, render } = counting();
    await cache.get({ id: 'A' }, render('A'));
    await cache.get({ id: 'B' }, render('B'));
    await cache.get({ id: 'A' }, render('A')); // A used last: B is the oldest now
    await cache.get({ id: 'C' }, render('C'));
    await cache.get({ id: 'A' }, render('A'));
    await cache.get({ id: 'B' }, render('B'));
    expect(renders).toEqual(['A', 'B', 'C', 'B']);
    await expect(cache.get({ id: 'D' }, () => Promise.reject(new Error('font missing')))).rejects.toThrow();
    await cache.get({ id: 'D' }, render('D'));
    expect(renders).toEqual(['A', 'B', 'C', 'B', 'D']);
  });
});
