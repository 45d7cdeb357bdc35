import { type FieldProblem, problem } from './complaint.errors';

/** A photo of a paper certificate or screening form: its metadata only; the bytes live in evidence storage. */
export interface EvidenceItem {
  evidenceId: string;
  mediaType: EvidenceMediaType;
  sizeBytes: number;
  /** SHA-256 of the content, hex: the same photo sent twice is one piece of evidence. */
  sha256: string;
}

export const EVIDENCE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/heic'] as const;
export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

/** Phone photos of a page fit well within 5 MB; more than 5 photos is not evidence but noise. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const MAX_EVIDENCE_ITEMS = 5;
const SHA256_HEX = /^[a-f0-9]{64}$/;

/** Problems with evidence to be added to what a complaint already holds; [] when it may be added. */
export function evidenceProblems(adding: EvidenceItem[], held: EvidenceItem[] = []): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const hashes = new Set(held.map((e) => e.sha256));
  adding.forEach((item, i) => {
    const field = `evidence[${i}]`;
    if (!(EVIDENCE_MEDIA_TYPES as readonly string[]).includes(item.mediaType))
      problems.push(problem(`${field}.mediaType`, 'imageType', 'must be a JPEG, PNG or HEIC photo'));
    if (!Number.isInteger(item.sizeBytes) || item.sizeBytes <= 0 || item.sizeBytes > MAX_EVIDENCE_BYTES)
      problems.push(problem(`${field}.sizeBytes`, 'maxSize', 'must be at most 5 MB'));
    if (!SHA256_HEX.test(item.sha256)) problems.push(problem(`${field}.sha256`, 'format', 'must be a SHA-256 hex'));
    else if (hashes.has(item.sha256)) problems.push(problem(`${field}.sha256`, 'unique', 'was already attached'));
    hashes.add(item.sha256);
  });
  if (held.length + adding.length > MAX_EVIDENCE_ITEMS)
    problems.push(problem('evidence', 'maxItems', `at most ${MAX_EVIDENCE_ITEMS} photos per complaint`));
  return problems;
}
