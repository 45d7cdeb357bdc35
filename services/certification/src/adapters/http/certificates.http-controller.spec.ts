import type { PersonAccessStore } from '@vax/platform';
import type { Response } from 'express';
import { reference, testSigner } from '../../application/certification.spec-fixtures';
import type { CertificationService } from '../../application/certification.service';
import type { CertificateDocument } from '../../application/certificate-document';
import { DISEASE_COVID19 } from '../../domain/certification-reference';
import {
  type CertificationState,
  type IssuedCertificate,
  initialCertificationState,
} from '../../domain/certificate/certification.state';
import type { CertificateContent } from '../../domain/dcc/certificate-content';
import type { SigningKeys } from '../keys/signing-keys';
import { renderCertificatePdf } from '../pdf/certificate.pdf';
import { CertificatesHttpController } from './certificates.http-controller';

jest.mock('../pdf/certificate.pdf', () => ({
  renderCertificatePdf: jest.fn(async (doc: CertificateDocument, size: string) =>
    Buffer.from(`${doc.certificateId} ${size}`),
  ),
}));
const rendered = jest.mocked(renderCertificatePdf);

const content: CertificateContent = {
  type: 'v',
  status: 'fully-vaccinated',
  holder: { fullName: 'Nguyễn Văn An', dateOfBirth: '1990-01-01' },
  entry: {
    ...{ tg: DISEASE_COVID19, vp: '1119349007', mp: 'EU/1/20/1528', ma: 'ORG-100030215' },
    ...{ dn: 2, sd: 2, dt: '2026-10-02', co: 'VN', is: reference.issuer.name },
  },
};
const citizen = { id: 'P1', role: 'citizen', scope: 'person:P1' };
const revokedBy = (replacedBy: string | null) => ({
  at: '2026-11-01T00:00:00Z',
  reason: 'superseded' as const,
  replacedBy,
});

function response() {
  const res = { body: undefined as Buffer | undefined };
  const chain = { type: () => chain, set: () => chain, attachment: () => chain, send: (b: Buffer) => (res.body = b) };
  return { res, express: chain as unknown as Response };
}

describe('GET /certificates/:personId/certificate.pdf and qr.png (the controller, without HTTP)', () => {
  let state: CertificationState;
  let controller: CertificatesHttpController;
  let first: IssuedCertificate;
  let second: IssuedCertificate;
  const get = async (route: 'pdf' | 'qr') => {
    const { res, express } = response();
    await (route === 'pdf' ? controller.pdf('P1', citizen, express, 'A4') : controller.qr('P1', citizen, express));
    return res.body!;
  };

  beforeAll(async () => {
    const { signer, keys } = await testSigner();
    first = { ...signer.sign(content, new Date()), replaces: null, revoked: null };
    second = { ...signer.sign(content, new Date()), replaces: first.certificateId, revoked: null };
    const certification = { state: async () => state } as unknown as CertificationService;
    const access = { resourceOf: async () => ({ kind: 'person', personId: 'P1' }) } as unknown as PersonAccessStore;
    controller = new CertificatesHttpController(certification, reference, keys as SigningKeys, access);
  });

  it('renders a certificate once, answers it again from memory, and never serves it once it is replaced or revoked', async () => {
    state = { ...initialCertificationState(), certificates: [first] };
    expect((await get('pdf')).toString()).toBe(`${first.certificateId} A4`);
    expect(await get('pdf')).toBe(await get('pdf'));
    expect(rendered).toHaveBeenCalledTimes(1);
    const firstQr = await get('qr');
    expect(await get('qr')).toBe(firstQr);

    state = { ...state, certificates: [{ ...first, revoked: revokedBy(second.certificateId) }, second] };
    expect((await get('pdf')).toString()).toBe(`${second.certificateId} A4`);
    expect(await get('qr')).not.toEqual(firstQr);

    state = { ...state, certificates: [state.certificates[0], { ...second, revoked: revokedBy(null) }] };
    await expect(get('pdf')).rejects.toMatchObject({ status: 404 });
    await expect(get('qr')).rejects.toMatchObject({ status: 404 });
    expect(rendered).toHaveBeenCalledTimes(2);
  });
});
