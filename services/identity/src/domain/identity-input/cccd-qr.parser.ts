import { fromDdMmYyyy } from './calendar-date';
import { cccdStructureProblems, classifyIdNumber } from './id-number';
import { IdentityInputError, type InputProblem, problem } from './identity-input.error';
import { normalizeName } from '../names/vietnamese-name';
import type { ParseContext } from './parse-context';
import type { Gender, StatedPerson } from './stated-person';

export const MAX_QR_LENGTH = 1_000;

/**
 * The QR printed on the chip CCCD card: `CCCD|old CMND|full name|ddMMyyyy|Nam/Nữ|address|ddMMyyyy`
 * (7 fields), or 6 fields without the old number. Tolerant of spaces, Unicode normalisation and
 * case; strict about what the fields mean. Newer card layouts (from July 2024) are refused by name
 * until their layout is confirmed, rather than misread.
 */
export function parseCccdQr(raw: string, context: ParseContext): StatedPerson {
  if (raw.length > MAX_QR_LENGTH)
    throw new IdentityInputError([problem('qr', 'maxLength', `must be at most ${MAX_QR_LENGTH} characters`)]);
  const fields = raw
    .normalize('NFC')
    .replace(/[\r\n]+$/, '')
    .split('|')
    .map((f) => f.trim());
  if (fields.length !== 7 && fields.length !== 6) {
    throw new IdentityInputError([
      problem(
        'qr',
        'fieldCount',
        `a CCCD QR has 7 fields (or 6 without the old number), this one has ${fields.length}`,
      ),
    ]);
  }
  const [idField, oldField, name, dob, gender, address, issued] =
    fields.length === 7 ? fields : [fields[0], '', ...fields.slice(1)];
  const problems: InputProblem[] = [];

  const id = classifyIdNumber(idField, 'qr.idNumber');
  if ('rule' in id) problems.push(id);
  else if (id.kind !== 'cccd')
    problems.push(problem('qr.idNumber', 'cccdLength', 'a CCCD card carries a 12-digit number'));

  let oldIdNumber: string | undefined;
  if (oldField) {
    const old = classifyIdNumber(oldField, 'qr.oldIdNumber');
    if ('rule' in old) problems.push(old);
    else oldIdNumber = old.idNumber;
  }
  const fullName = normalizeName(name);
  if (!fullName) problems.push(problem('qr.fullName', 'required', 'is empty'));
  if (fullName.length > 100) problems.push(problem('qr.fullName', 'maxLength', 'must be at most 100 characters'));

  const dateOfBirth = pastDate(dob, 'qr.dateOfBirth', context, problems);
  const cardIssueDate = pastDate(issued, 'qr.cardIssueDate', context, problems);
  if (dateOfBirth && cardIssueDate && cardIssueDate < dateOfBirth) {
    problems.push(problem('qr.cardIssueDate', 'afterBirth', 'is before the date of birth'));
  }
  const parsedGender = parseGender(gender);
  if (!parsedGender) problems.push(problem('qr.gender', 'isIn', 'must be Nam or Nữ'));

  if (problems.length === 0 && !('rule' in id)) {
    problems.push(...cccdStructureProblems(id.idNumber, { gender: parsedGender, dateOfBirth }, context, 'qr.idNumber'));
  }
  if (problems.length > 0) throw new IdentityInputError(problems);
  return {
    source: 'cccd-qr',
    layout: `cccd-qr-2021/${fields.length}`,
    idNumber: (id as { idNumber: string }).idNumber,
    idKind: 'cccd',
    oldIdNumber,
    fullName,
    dateOfBirth,
    gender: parsedGender,
    address: address ? address.replace(/\s+/g, ' ') : undefined,
    cardIssueDate,
  };
}

function pastDate(text: string, field: string, context: ParseContext, problems: InputProblem[]): string | undefined {
  const date = fromDdMmYyyy(text);
  if (!date) {
    problems.push(problem(field, 'dateDdMmYyyy', 'must be a real date written ddMMyyyy'));
    return undefined;
  }
  if (date > context.today) problems.push(problem(field, 'notInFuture', 'is in the future'));
  if (date < '1900-01-01') problems.push(problem(field, 'after1900', 'is before 1900'));
  return date;
}

/** "Nam" / "Nữ", in any case or Unicode form, also typed without the accent ("Nu"). */
export function parseGender(text: string): Gender | undefined {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
  if (folded === 'nam') return 'male';
  if (folded === 'nu') return 'female';
  return undefined;
}
