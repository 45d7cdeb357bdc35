import { fromIsoDate } from './calendar-date';
import { cccdStructureProblems, classifyIdNumber } from './id-number';
import { IdentityInputError, type InputProblem, problem } from './identity-input.error';
import { normalizeName } from '../names/vietnamese-name';
import type { ParseContext } from './parse-context';
import type { Gender, StatedPerson } from './stated-person';

export interface TypedIdentity {
  idNumber: string;
  fullName?: string;
  dateOfBirth?: string;
  gender?: Gender;
}

/**
 * A number typed at the desk (no card yet, or a phone app without its QR), with what the person says.
 * The number alone would verify whoever holds it: the stated name and date of birth are required, so
 * the registry can confirm that the person at the desk is the person the number belongs to.
 */
export function parseTypedIdentity(input: TypedIdentity, context: ParseContext): StatedPerson {
  const problems: InputProblem[] = [];
  for (const field of ['fullName', 'dateOfBirth'] as const) {
    if (input[field] === undefined) problems.push(problem(field, 'required', 'is required with a typed check'));
  }
  const id = classifyIdNumber(input.idNumber, 'idNumber');
  if ('rule' in id) problems.push(id);
  const fullName = input.fullName === undefined ? undefined : normalizeName(input.fullName);
  if (fullName !== undefined && (fullName.length === 0 || fullName.length > 100)) {
    problems.push(problem('fullName', 'length', 'must be 1 to 100 characters'));
  }
  let dateOfBirth: string | undefined;
  if (input.dateOfBirth !== undefined) {
    dateOfBirth = fromIsoDate(input.dateOfBirth);
    if (!dateOfBirth) problems.push(problem('dateOfBirth', 'dateYyyyMmDd', 'must be a real date written YYYY-MM-DD'));
    else if (dateOfBirth > context.today) problems.push(problem('dateOfBirth', 'notInFuture', 'is in the future'));
  }
  if (problems.length === 0 && !('rule' in id) && id.kind === 'cccd') {
    problems.push(...cccdStructureProblems(id.idNumber, { gender: input.gender, dateOfBirth }, context, 'idNumber'));
  }
  if (problems.length > 0) throw new IdentityInputError(problems);
  const { idNumber, kind } = id as { idNumber: string; kind: 'cccd' | 'cmnd' };
  return { source: 'typed', layout: 'typed/1', idNumber, idKind: kind, fullName, dateOfBirth, gender: input.gender };
}
