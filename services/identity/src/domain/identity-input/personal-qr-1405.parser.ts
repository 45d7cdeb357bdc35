import { fromIsoDate } from './calendar-date';
import { cccdStructureProblems, classifyIdNumber } from './id-number';
import { IdentityInputError, type InputProblem, problem } from './identity-input.error';
import { MAX_QR_LENGTH } from './cccd-qr.parser';
import { normalizeName } from '../names/vietnamese-name';
import type { ParseContext } from './parse-context';
import type { Gender, StatedPerson } from './stated-person';

/**
 * Gender codes of the 1405 QR's extensions. The sub-field order and codes are not confirmed by a
 * published specification: the code is read only from the second extension and only when it is one of
 * these, otherwise the gender is left unstated rather than guessed.
 */
const GENDER_CODES: Record<string, Gender | undefined> = { '0': 'female', '1': 'male', '2': undefined };

/**
 * The personal QR of Decision 1405/QĐ-BTTTT: `SoGiayTo|HoTen|NgaySinh|LoaiDinhDanh|QID|EXT`, name
 * in upper-case ASCII, date YYYY-MM-DD, declaration type 0 (self) or 1 (on someone's behalf),
 * extensions `<`-separated.
 */
export function parsePersonalQr1405(raw: string, context: ParseContext): StatedPerson {
  if (raw.length > MAX_QR_LENGTH)
    throw new IdentityInputError([problem('qr', 'maxLength', `must be at most ${MAX_QR_LENGTH} characters`)]);
  const fields = raw
    .normalize('NFC')
    .trim()
    .split('|')
    .map((f) => f.trim());
  if (fields.length < 5 || fields.length > 6) {
    throw new IdentityInputError([
      problem(
        'qr',
        'fieldCount',
        `a 1405 personal QR has 6 fields (5 without extensions), this one has ${fields.length}`,
      ),
    ]);
  }
  const [documentNumber, name, dob, declarationType, qid, extensions = ''] = fields;
  const problems: InputProblem[] = [];
  const id = classifyIdNumber(documentNumber, 'qr.documentNumber');
  if ('rule' in id) problems.push(id);
  const fullName = normalizeName(name);
  if (!fullName) problems.push(problem('qr.fullName', 'required', 'is empty'));
  else if (!/^[A-Z ]+$/.test(fullName))
    problems.push(problem('qr.fullName', 'upperCaseAscii', 'must be upper-case letters without diacritics'));
  const dateOfBirth = fromIsoDate(dob);
  if (!dateOfBirth) problems.push(problem('qr.dateOfBirth', 'dateYyyyMmDd', 'must be a real date written YYYY-MM-DD'));
  else if (dateOfBirth > context.today) problems.push(problem('qr.dateOfBirth', 'notInFuture', 'is in the future'));
  if (declarationType !== '0' && declarationType !== '1') {
    problems.push(problem('qr.declarationType', 'isIn', 'must be 0 (for oneself) or 1 (on behalf of someone)'));
  }
  if (!/^[A-Za-z0-9-]{1,64}$/.test(qid))
    problems.push(problem('qr.qid', 'format', 'must be the QR platform id (letters, digits, -)'));
  const gender = GENDER_CODES[extensions.split('<')[1] ?? ''];

  if (problems.length === 0 && !('rule' in id) && id.kind === 'cccd') {
    problems.push(...cccdStructureProblems(id.idNumber, { gender, dateOfBirth }, context, 'qr.documentNumber'));
  }
  if (problems.length > 0) throw new IdentityInputError(problems);
  const { idNumber, kind } = id as { idNumber: string; kind: 'cccd' | 'cmnd' };
  return {
    source: 'personal-qr-1405',
    layout: `qr-1405/${fields.length}`,
    idNumber,
    idKind: kind,
    fullName,
    dateOfBirth,
    gender,
  };
}
