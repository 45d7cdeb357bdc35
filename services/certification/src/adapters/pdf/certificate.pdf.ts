import PDFDocument from 'pdfkit';
import { type CertificateDocument, STATUS_LABELS, vietnameseDate } from '../../application/certificate-document';
import { pdfFonts } from './pdf-fonts';
import { drawHcertQr } from './qr.pdf-drawing';

export type PaperSize = 'A4' | 'A5';

/**
 * The printable certificate: in Vietnamese (English beneath), with the QR a verifier scans, the
 * holder's name and date of birth, and every dose. A development signature is stamped as such.
 */
export async function renderCertificatePdf(
  doc: CertificateDocument,
  size: PaperSize,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const fonts = pdfFonts();
  // pdfkit 0.20 takes a parsed fontkit font wherever it takes a path (its types say only paths); the
  // default font is ours too, or every document would load Helvetica's metrics for nothing.
  const [regular, bold] = [fonts.regular, fonts.bold] as unknown as string[];
  const pdf = new PDFDocument({
    size,
    font: regular,
    margin: size === 'A4' ? 48 : 28,
    compress: options.compress ?? true,
    info: { Title: 'Chứng nhận tiêm chủng COVID-19' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  const k = size === 'A4' ? 1 : 0.72;
  pdf.registerFont('regular', regular).registerFont('bold', bold);
  const width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;

  pdf
    .font('bold')
    .fontSize(11 * k)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
  pdf
    .font('regular')
    .fontSize(10 * k)
    .text('Độc lập - Tự do - Hạnh phúc', { align: 'center' })
    .moveDown(0.8);
  pdf
    .font('bold')
    .fontSize(17 * k)
    .text('CHỨNG NHẬN TIÊM CHỦNG COVID-19', { align: 'center' });
  pdf
    .font('regular')
    .fontSize(10 * k)
    .text('COVID-19 vaccination certificate (EU Digital COVID Certificate)', { align: 'center' });
  if (doc.development)
    pdf
      .fillColor('#b00020')
      .font('bold')
      .text('BẢN THỬ NGHIỆM - DEVELOPMENT, KHÔNG CÓ GIÁ TRỊ', { align: 'center' })
      .fillColor('black');
  pdf.moveDown(0.8);
  const qrSize = 190 * k;
  drawHcertQr(pdf, doc.hc1, pdf.page.margins.left + (width - qrSize) / 2, pdf.y, qrSize);
  pdf.y += qrSize + 10 * k;

  const label = STATUS_LABELS[doc.content.status];
  const line = (vi: string, en: string, value: string) =>
    pdf
      .font('regular')
      .fontSize(9 * k)
      .fillColor('#555')
      .text(`${vi} / ${en}`)
      .fillColor('black')
      .font('bold')
      .fontSize(12 * k)
      .text(value)
      .moveDown(0.3);
  line('Họ và tên', 'Name', doc.content.holder.fullName);
  line('Ngày sinh', 'Date of birth', vietnameseDate(doc.content.holder.dateOfBirth));
  line('Quốc tịch', 'Nationality', 'Việt Nam');
  line('Tình trạng', 'Status', `${label.vi} (${label.en})`);
  if (doc.content.type === 'r')
    line(
      'Khỏi bệnh, hiệu lực',
      'Recovery, valid',
      `${vietnameseDate(doc.content.entry.df)} – ${vietnameseDate(doc.content.entry.du)}`,
    );

  pdf
    .moveDown(0.3)
    .font('bold')
    .fontSize(11 * k)
    .text('Các mũi đã tiêm / Doses');
  for (const d of doc.doses)
    pdf
      .font('regular')
      .fontSize(10 * k)
      .text(`Mũi ${d.doseNumber}: ${vietnameseDate(d.administeredOn)} — ${d.vaccineName}`);
  if (doc.doses.length === 0)
    pdf
      .font('regular')
      .fontSize(10 * k)
      .text('Chưa tiêm mũi nào / No dose');

  pdf
    .moveDown(0.6)
    .font('regular')
    .fontSize(8 * k)
    .fillColor('#333');
  pdf.text(`Mã chứng nhận / Certificate ID: ${doc.certificateId}`);
  pdf.text(
    `Cấp ngày / Issued: ${vietnameseDate(doc.issuedAt)} — Mã QR hết hạn / QR expires: ${vietnameseDate(doc.expiresAt)}`,
  );
  pdf.text(
    `Cơ quan cấp / Issuer: Bộ Y tế (${doc.content.entry.is}) — bảng mã EU / EU value sets: ${doc.valueSetVersion}`,
  );
  pdf.end();
  return done;
}
