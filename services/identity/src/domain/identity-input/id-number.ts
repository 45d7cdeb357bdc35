import { type InputProblem, problem } from './identity-input.error';
import type { ParseContext } from './parse-context';
import type { Gender } from './stated-person';

export type IdKind = 'cccd' | 'cmnd';

/** 12 digits: CCCD (the personal identification number); 9 digits: the old CMND. Spaces are ignored. */
export function classifyIdNumber(raw: string, field = 'idNumber'): { idNumber: string; kind: IdKind } | InputProblem {
  const digits = raw.replace(/[\s.-]/g, '');
  if (!/^\d+$/.test(digits)) return problem(field, 'digitsOnly', 'must contain digits only');
  if (digits.length === 12) return { idNumber: digits, kind: 'cccd' };
  if (digits.length === 9) return { idNumber: digits, kind: 'cmnd' };
  return problem(field, 'idNumberLength', 'must be a 12-digit CCCD or a 9-digit CMND number');
}

/** The 4th digit: gender and century of birth (even: male, odd: female). */
const CENTURY_BY_DIGIT: Record<string, number> = { '0': 1900, '1': 1900, '2': 2000, '3': 2000, '4': 2100, '5': 2100 };

/**
 * A CCCD number's structure: a known province code, a gender-and-century digit, and the two last
 * digits of the birth year; the last two must agree with the stated gender and date of birth.
 */
export function cccdStructureProblems(
  cccd: string,
  stated: { gender?: Gender; dateOfBirth?: string },
  context: ParseContext,
  field = 'idNumber',
): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!context.provinceCodes.has(cccd.slice(0, 3))) {
    problems.push(problem(field, 'provinceCode', `starts with ${cccd.slice(0, 3)}, which is no province code`));
  }
  const century = CENTURY_BY_DIGIT[cccd[3]];
  if (century === undefined) {
    problems.push(problem(field, 'genderCenturyDigit', `4th digit ${cccd[3]} is not a gender-and-century digit (0-5)`));
    return problems;
  }
  const female = Number(cccd[3]) % 2 === 1;
  if (stated.gender && (stated.gender === 'female') !== female) {
    problems.push(
      problem(
        field,
        'genderDigitMatches',
        `4th digit says ${female ? 'female' : 'male'}, the stated gender is ${stated.gender}`,
      ),
    );
  }
  if (stated.dateOfBirth) {
    const year = Number(stated.dateOfBirth.slice(0, 4));
    const encoded = century + Number(cccd.slice(4, 6));
    if (encoded !== year) {
      problems.push(
        problem(
          field,
          'birthYearDigitsMatch',
          `digits 4-6 say born in ${encoded}, the stated date of birth is in ${year}`,
        ),
      );
    }
  }
  return problems;
}
