import { DOSE_FIELDS, PERSONAL_FIELDS } from './complaint-kinds';
import { evidenceProblems } from './complaint-evidence';
import type { ComplaintSubject, DoseFacts } from './complaint-subject';
import type { FileComplaint } from './complaint.commands';
import { type FieldProblem, problem } from './complaint.errors';

const REFERENCE = /^[A-Za-z0-9:._-]{1,100}$/;
const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ID_NUMBER = /^(\d{9}|\d{12})$/;
const VN_PHONE = /^(\+84|0)\d{9,10}$/;
const VACCINE_CODE = /^[A-Z0-9-]{2,30}$/;
/** Dose complaints need a photo of the paper certificate or screening form: the site decides on it. */
const NEEDS_EVIDENCE = new Set(['missing-dose', 'dose-details', 'duplicate-record']);

const text = (value: unknown, max: number) => typeof value === 'string' && value.trim() !== '' && value.length <= max;

/** Every rule a new complaint breaks, by field; [] when it may be filed. */
export function filingProblems(command: FileComplaint): FieldProblem[] {
  const { stated, contact, subject, evidence } = command;
  const problems: FieldProblem[] = [];
  const check = (ok: boolean, field: string, rule: string, message: string) =>
    ok || problems.push(problem(field, rule, message));
  check(REFERENCE.test(command.complaintId), 'complaintId', 'format', 'must be a reference');
  check(text(stated.fullName, 200), 'stated.fullName', 'required', 'must be a name of at most 200 characters');
  check(CALENDAR_DATE.test(stated.dateOfBirth), 'stated.dateOfBirth', 'format', 'must be a date YYYY-MM-DD');
  check(['male', 'female'].includes(stated.gender), 'stated.gender', 'oneOf', 'must be male or female');
  check(ID_NUMBER.test(stated.idNumber), 'stated.idNumber', 'format', 'must be a 12-digit CCCD or 9-digit CMND');
  check(VN_PHONE.test(contact.phone), 'contact.phone', 'format', 'must be a Vietnamese phone number');
  check(command.contactConfirmed, 'contact.phone', 'confirmed', 'must be confirmed by the one-time code');
  check(text(contact.address, 300), 'contact.address', 'required', 'must be an address of at most 300 characters');
  check(command.description.length <= 2000, 'description', 'maxLength', 'must be at most 2000 characters');
  check(
    !NEEDS_EVIDENCE.has(subject.type) || evidence.length > 0,
    'evidence',
    'required',
    'a dose complaint needs a photo of the paper certificate or screening form',
  );
  return [...problems, ...subjectProblems(subject), ...evidenceProblems(evidence)];
}

function subjectProblems(subject: ComplaintSubject): FieldProblem[] {
  switch (subject.type) {
    case 'personal-details':
      return listProblems('subject.fields', subject.fields, PERSONAL_FIELDS);
    case 'missing-dose':
      return doseFactsProblems('subject.dose', subject.dose ?? {}, DOSE_FIELDS);
    case 'dose-details':
      return [
        ...doseNumberProblems('subject.doseNumber', subject.doseNumber),
        ...listProblems('subject.fields', subject.fields, DOSE_FIELDS),
        ...doseFactsProblems(
          'subject.claimed',
          subject.claimed ?? {},
          Array.isArray(subject.fields) ? subject.fields : [],
        ),
        ...referenceProblems('subject.siteId', subject.siteId),
      ];
    case 'duplicate-record':
      return [
        ...(!Array.isArray(subject.doseNumbers) || subject.doseNumbers.length === 0
          ? [problem('subject.doseNumbers', 'required', 'name a dose')]
          : subject.doseNumbers.flatMap((n, i) => doseNumberProblems(`subject.doseNumbers[${i}]`, n))),
        ...referenceProblems('subject.siteId', subject.siteId),
      ];
    case 'certificate':
      return (subject.siteId ?? null) === null ? [] : referenceProblems('subject.siteId', subject.siteId ?? undefined);
    default:
      return [problem('subject.type', 'oneOf', 'is not a complaint type')];
  }
}

function listProblems(field: string, values: readonly string[], allowed: readonly string[]): FieldProblem[] {
  if (!Array.isArray(values) || values.length === 0) return [problem(field, 'required', 'name at least one')];
  return values.some((v) => !allowed.includes(v)) ? [problem(field, 'oneOf', `must be of ${allowed.join(', ')}`)] : [];
}

/** Problems with the listed facts of a dose (all of them for a missing dose, the claimed ones otherwise). */
export function doseFactsProblems(
  field: string,
  facts: Partial<DoseFacts>,
  listed: readonly (keyof DoseFacts)[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const wants = (key: keyof DoseFacts) => listed.includes(key);
  if (wants('vaccineCode') && !VACCINE_CODE.test(facts.vaccineCode ?? ''))
    problems.push(problem(`${field}.vaccineCode`, 'format', 'must be a catalogue vaccine code'));
  if (wants('lotNumber') && !text(facts.lotNumber, 50))
    problems.push(problem(`${field}.lotNumber`, 'required', 'must be a lot number'));
  if (wants('administeredOn') && !CALENDAR_DATE.test(facts.administeredOn ?? ''))
    problems.push(problem(`${field}.administeredOn`, 'format', 'must be a date YYYY-MM-DD'));
  if (wants('siteId')) problems.push(...referenceProblems(`${field}.siteId`, facts.siteId));
  return problems;
}

export function doseNumberProblems(field: string, n: number): FieldProblem[] {
  return Number.isInteger(n) && n >= 1 && n <= 10 ? [] : [problem(field, 'range', 'must be a dose number 1–10')];
}

const referenceProblems = (field: string, value: string | undefined): FieldProblem[] =>
  value !== undefined && REFERENCE.test(value) ? [] : [problem(field, 'format', 'must be a site id')];
