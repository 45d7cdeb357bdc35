import { DccCertificateSigner } from '../services/certification/src/adapters/hcert/dcc-certificate-signer';
import type { CertificationReference } from '../services/certification/src/domain/certification-reference';
import { DISEASE_COVID19 } from '../services/certification/src/domain/certification-reference';
import type { CertificateContent } from '../services/certification/src/domain/dcc/certificate-content';
import { hcertQrPng } from '../services/certification/src/adapters/hcert/qr-code';
import type { SigningKeys } from '../services/certification/src/adapters/keys/signing-keys';
import type { CertificateDocument } from '../services/certification/src/application/certificate-document';
import { renderCertificatePdf } from '../services/certification/src/adapters/pdf/certificate.pdf';
import { rates } from './interleaved-rates';

/** Per second, in one thread and interleaved slices: issuing one certificate, its A4 PDF, its QR PNG. */
export async function perCertificate(keys: SigningKeys, reference: CertificationReference, hc1: string) {
  const signer = new DccCertificateSigner(keys, reference, 'LC');
  const content: CertificateContent = {
    type: 'v',
    status: 'fully-vaccinated',
    holder: { fullName: 'Nguyễn Thị Phương Thảo', dateOfBirth: '1988-04-12' },
    entry: {
      ...{ tg: DISEASE_COVID19, vp: '1119349007', mp: 'EU/1/20/1528', ma: 'ORG-100030215' },
      ...{ dn: 2, sd: 2, dt: '2021-10-02', co: 'VN', is: reference.issuer.name },
    },
  };
  const now = new Date();
  const sample = signer.sign(content, now);
  const document: CertificateDocument = {
    certificateId: sample.certificateId,
    content,
    doses: [1, 2].map((n) => ({
      doseNumber: n,
      vaccineCode: 'COMIRNATY',
      administeredOn: `2021-0${6 + n}-02`,
      voided: false,
      vaccineName: 'Comirnaty (Pfizer-BioNTech)',
    })),
    issuedAt: sample.issuedAt,
    expiresAt: sample.expiresAt,
    valueSetVersion: sample.valueSetVersion,
    hc1,
    development: true,
  };
  return rates(
    {
      issuing: () => signer.sign(content, now),
      'PDF A4 (pdfkit)': () => renderCertificatePdf(document, 'A4'),
      'QR PNG (qrcode)': () => hcertQrPng(hc1),
    },
    Number(process.env.BENCH_SECONDS ?? 5) / 2,
  );
}
