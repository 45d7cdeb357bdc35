import type { CertificateContent } from '../domain/dcc/certificate-content';
import type { DoseFact } from '../domain/status/vaccination-facts';

/** What a printed certificate shows; built from the person's state, rendered by certificate.pdf.ts. */
export interface CertificateDocument {
  certificateId: string;
  content: CertificateContent;
  doses: (DoseFact & { vaccineName: string })[];
  issuedAt: string;
  expiresAt: string;
  valueSetVersion: string;
  hc1: string;
  development: boolean;
}

export const STATUS_LABELS: Record<CertificateContent['status'], { vi: string; en: string }> = {
  'partially-vaccinated': { vi: 'Đã tiêm chưa đủ liều cơ bản', en: 'Partially vaccinated' },
  'fully-vaccinated': { vi: 'Đã tiêm đủ liều cơ bản', en: 'Fully vaccinated' },
  booster: { vi: 'Đã tiêm liều nhắc lại', en: 'Booster dose received' },
  recovered: { vi: 'Đã khỏi bệnh COVID-19', en: 'Recovered from COVID-19' },
};

/** dd/MM/yyyy, as Vietnamese documents write dates. */
export function vietnameseDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
