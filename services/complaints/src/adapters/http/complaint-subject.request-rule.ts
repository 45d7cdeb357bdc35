import { ValidateBy, type ValidationOptions } from 'class-validator';
import { DOSE_FIELDS } from '../../domain/complaint-kinds';

const REFERENCE = /^[A-Za-z0-9:._-]{1,100}$/;

/**
 * The subject fields the filing rules do not look at still have to be what the complaint's answer
 * says they are: a certificate id (or null), and claimed dose facts as text. Left unchecked, a
 * number sent there was kept and answered back, against the documented schema.
 */
export function subjectFieldTypeProblem(subject: unknown): string | null {
  if (typeof subject !== 'object' || subject === null) return null; // @IsObject() says so
  const { certificateId, claimed } = subject as { certificateId?: unknown; claimed?: unknown };
  if (certificateId !== undefined && certificateId !== null)
    if (typeof certificateId !== 'string' || !REFERENCE.test(certificateId))
      return 'certificateId must be a certificate id or null';
  if (claimed !== undefined && (typeof claimed !== 'object' || claimed === null || Array.isArray(claimed)))
    return 'claimed must be an object of dose facts';
  for (const field of DOSE_FIELDS) {
    const value = (claimed as Record<string, unknown> | undefined)?.[field];
    if (value !== undefined && typeof value !== 'string') return `claimed.${field} must be text`;
  }
  return null;
}

export function SubjectFieldTypes(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'subjectFieldTypes',
      validator: {
        validate: (value) => subjectFieldTypeProblem(value) === null,
        defaultMessage: (args) => subjectFieldTypeProblem(args?.value) ?? 'has a field of the wrong type',
      },
    },
    options,
  );
}
