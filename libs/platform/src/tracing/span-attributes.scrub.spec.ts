import { traceableUrl } from './span-attributes.scrub';

describe('URLs kept in traces', () => {
  it('lose their query string and the digits of identifiers', () => {
    expect(traceableUrl('http://127.0.0.1:3002/records/001203004567/doses?name=Lò%20Văn%20A')).toBe(
      'http://127.0.0.1:3002/records/************/doses',
    );
  });

  it('keep paths without identifiers as they are', () => {
    expect(traceableUrl('/complaints/0190f3a1-7c2e-7b3a-9d4e-5f6a7b8c9d0e/decisions')).toBe(
      '/complaints/0190f3a1-7c2e-7b3a-9d4e-5f6a7b8c9d0e/decisions',
    );
  });
});
