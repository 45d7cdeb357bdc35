import type { UpstreamAnswer } from '../upstream/upstream.client';
import { withQrImage } from './certificate-with-qr';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const answer = (status: number, contentType: string, body: Buffer | object): UpstreamAnswer => ({
  status,
  contentType,
  disposition: null,
  body: Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body)),
});
const certificate = { personId: 'P1', certificate: { certificateId: 'C1', hc1: 'HC1:ABC' }, history: [] };

describe('the certificate sent with its QR image', () => {
  it('carries the QR as a PNG data URL next to the certificate, the rest unchanged', () => {
    const sent = withQrImage(answer(200, 'application/json', certificate), answer(200, 'image/png', PNG));
    const body = JSON.parse(sent.body.toString());
    expect(body).toEqual({ ...certificate, qrImage: `data:image/png;base64,${PNG.toString('base64')}` });
    expect(Buffer.from(body.qrImage.split(',')[1], 'base64')).toEqual(PNG);
    expect(sent.status).toBe(200);
  });

  it('goes as it came with no valid certificate, a refused QR or a refused certificate', () => {
    const none = answer(200, 'application/json', { personId: 'P1', certificate: null });
    const notFound = answer(404, 'application/problem+json', { title: 'no certificate' });
    const png = answer(200, 'image/png', PNG);
    expect(withQrImage(none, notFound)).toBe(none);
    const cert = answer(200, 'application/json', certificate);
    expect(withQrImage(cert, notFound)).toBe(cert);
    const down = answer(503, 'application/problem+json', { title: 'certification unavailable' });
    expect(withQrImage(down, png)).toBe(down);
  });
});
