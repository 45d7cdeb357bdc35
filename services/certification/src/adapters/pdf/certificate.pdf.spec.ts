import { EVERY_DIACRITIC_NAME, reference, testSigner } from '../../application/certification.spec-fixtures';
import { DISEASE_COVID19 } from '../../domain/certification-reference';
import type { CertificateContent } from '../../domain/dcc/certificate-content';
import { qrModes } from '../hcert/qr-code';
import type { CertificateDocument } from '../../application/certificate-document';
import { renderCertificatePdf } from './certificate.pdf';
import { pdfTexts } from './pdf-text.spec-fixtures';
import { scanPdfQr } from './pdf-qr.spec-fixtures';

// Subsetting DejaVu takes seconds under jest's module sandbox on two shared cores (0.4 s in the service).
jest.setTimeout(30_000);

let document: CertificateDocument;

beforeAll(async () => {
  const { signer } = await testSigner();
  const content: CertificateContent = {
    type: 'v',
    status: 'booster',
    holder: { fullName: EVERY_DIACRITIC_NAME, dateOfBirth: '1978-11-30' },
    entry: {
      tg: DISEASE_COVID19,
      vp: '1119349007',
      mp: 'EU/1/20/1528',
      ma: 'ORG-100030215',
      dn: 3,
      sd: 3,
      dt: '2021-12-20',
      co: 'VN',
      is: reference.issuer.name,
    },
  };
  const signed = signer.sign(content, new Date('2021-12-21T02:00:00Z'));
  document = {
    ...signed,
    doses: [
      {
        doseNumber: 1,
        vaccineCode: 'AZD1222',
        administeredOn: '2021-08-01',
        voided: false,
        vaccineName: 'AstraZeneca (Vaxzevria)',
      },
      {
        doseNumber: 2,
        vaccineCode: 'AZD1222',
        administeredOn: '2021-09-05',
        voided: false,
        vaccineName: 'AstraZeneca (Vaxzevria)',
      },
      {
        doseNumber: 3,
        vaccineCode: 'COMIRNATY',
        administeredOn: '2021-12-20',
        voided: false,
        vaccineName: 'Pfizer-BioNTech (Comirnaty)',
      },
    ],
    development: true,
  };
});

describe('printable certificate (PDF)', () => {
  it.each(['A4', 'A5'] as const)('renders a valid %s PDF that embeds DejaVu Sans', async (size) => {
    const pdf = await renderCertificatePdf(document, size);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.subarray(-6).toString()).toContain('%%EOF');
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(text).toContain('/FontFile2');
    const [w, h] = size === 'A4' ? [595.28, 841.89] : [419.53, 595.28];
    expect(text).toContain(`/MediaBox [0 0 ${w} ${h}]`);
  });

  it('shows the name with every diacritic, the birth date, every dose and the identifier, in Vietnamese', async () => {
    const texts = pdfTexts(await renderCertificatePdf(document, 'A4', { compress: false }));
    const onPage = (s: string) => texts.some((t) => t.includes(s));
    expect(onPage('CHỨNG NHẬN TIÊM CHỦNG COVID-19')).toBe(true);
    expect(onPage(EVERY_DIACRITIC_NAME)).toBe(true);
    expect(onPage('30/11/1978')).toBe(true);
    expect(onPage('Mũi 1: 01/08/2021 — AstraZeneca (Vaxzevria)')).toBe(true);
    expect(onPage('Mũi 3: 20/12/2021 — Pfizer-BioNTech (Comirnaty)')).toBe(true);
    expect(onPage('Đã tiêm liều nhắc lại')).toBe(true);
    expect(onPage(document.certificateId)).toBe(true);
    expect(onPage('DEVELOPMENT')).toBe(true);
  });

  it("draws the QR as vectors that scan back to the certificate's HC1, in alphanumeric mode only", async () => {
    expect(qrModes(document.hc1)).toEqual(['Alphanumeric']);
    for (const size of ['A4', 'A5'] as const) {
      const pdf = await renderCertificatePdf(document, size, { compress: false });
      expect(scanPdfQr(pdf)).toBe(document.hc1);
      expect(pdf.toString('latin1')).not.toMatch(/\/Subtype \/Image/);
    }
  });

  it("keeps each document's text its own when documents are rendered together (the fonts are shared)", async () => {
    const other: CertificateDocument = {
      ...document,
      content: { ...document.content, holder: { fullName: 'Lò Thị Ngọc Hương', dateOfBirth: '2001-02-03' } },
    };
    const [first, second] = await Promise.all(
      [document, other].map((d) => renderCertificatePdf(d, 'A4', { compress: false })),
    );
    const onPage = (pdf: Buffer, s: string) => pdfTexts(pdf).some((t) => t.includes(s));
    expect(onPage(first, EVERY_DIACRITIC_NAME)).toBe(true);
    expect(onPage(second, 'Lò Thị Ngọc Hương')).toBe(true);
    expect(onPage(second, '03/02/2001')).toBe(true);
    expect(onPage(second, EVERY_DIACRITIC_NAME)).toBe(false);
    const again = await renderCertificatePdf(document, 'A4', { compress: false });
    expect(pdfTexts(again)).toEqual(pdfTexts(first));
  });
});
