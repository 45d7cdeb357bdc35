import type { Gender } from '../identity-input/stated-person';

/** A person as the population registry (CSDLQG về dân cư) holds them. */
export interface RegistryPerson {
  /** The platform's stable id for this person. */
  personId: string;
  idNumber: string;
  oldIdNumber?: string;
  fullName: string;
  dateOfBirth: string;
  gender: Gender;
  address?: string;
  /** The phone number on record: where a citizen's sign-in codes are sent. */
  phone?: string;
}
