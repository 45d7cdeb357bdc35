/** The person an ID number belongs to, and the phone the population registry holds for them. */
export interface PersonContact {
  personId: string;
  phone: string | null;
}

/** Where a citizen's sign-in code goes (the identity service; an abstract class so that it is also the Nest DI token). */
export abstract class PersonContacts {
  /** The registered person of this ID number and their phone; null when the number is not registered. */
  abstract contactOf(idNumber: string): Promise<PersonContact | null>;
}
