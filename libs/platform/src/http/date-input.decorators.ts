import { type ValidationArguments, type ValidationOptions, ValidateBy } from 'class-validator';
import { isOrdered, parseCalendarDate, parseInstant } from '../time/date-input';

const reasonOf = (parse: (text: string) => { ok: boolean; reason?: string }, value: unknown) =>
  typeof value === 'string' ? (parse(value).reason ?? '') : 'must be a string';

/** A day that exists, `YYYY-MM-DD`, in the platform's years (rule `isCalendarDate`). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => typeof value === 'string' && parseCalendarDate(value).ok,
        defaultMessage: (args?: ValidationArguments) => reasonOf(parseCalendarDate, args?.value),
      },
    },
    options,
  );
}

/** An ISO 8601 instant with its offset, on a real day, in the platform's years (rule `isInstant`). */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value) => typeof value === 'string' && parseInstant(value).ok,
        defaultMessage: (args?: ValidationArguments) => reasonOf(parseInstant, args?.value),
      },
    },
    options,
  );
}

/**
 * On the end of a range: it must not come before `fromProperty` (rule `dateRangeOrdered`). Says
 * nothing while either end is itself invalid: that end's own rule names the problem.
 */
export function DateRangeOrdered(fromProperty: string, options?: ValidationOptions): PropertyDecorator {
  const valid = (v: unknown): v is string => typeof v === 'string' && (parseCalendarDate(v).ok || parseInstant(v).ok);
  return ValidateBy(
    {
      name: 'dateRangeOrdered',
      constraints: [fromProperty],
      validator: {
        validate: (to, args) => {
          const from = (args?.object as Record<string, unknown>)[fromProperty];
          return !valid(from) || !valid(to) || isOrdered(from, to);
        },
        defaultMessage: () => `must not come before ${fromProperty}`,
      },
    },
    options,
  );
}
