import { IsIn, IsISO8601, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/**
 * Field shapes shared by the v1 contracts of every context. Part of each v1 contract: never change
 * (a v2 contract gets its own). Dates of the calendar are YYYY-MM-DD; instants ISO 8601 UTC.
 */
export const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const ID_NUMBER = /^(\d{9}|\d{12})$/;
export const GENDERS = ['male', 'female'] as const;

export const IsCalendarDate = () => Matches(CALENDAR_DATE, { message: '$property must be a date YYYY-MM-DD' });
export const IsInstant = () => IsISO8601({ strict: true });
export const IsIdNumber = () =>
  Matches(ID_NUMBER, { message: '$property must be a 12-digit CCCD or a 9-digit CMND number' });
export const IsGender = () => IsIn(GENDERS);

/** An opaque reference (person id, record id, site id…): not personal data in itself. */
export function IsReference(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    IsNotEmpty()(target, key);
    MaxLength(100)(target, key);
  };
}
