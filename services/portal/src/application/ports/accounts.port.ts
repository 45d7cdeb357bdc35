export interface Account {
  username: string;
  passwordHash: string;
  displayName: string;
  role: string;
  scope: string;
}

/** Staff and managers' accounts, each bound to a role and a scope (an abstract class so that it is also the Nest DI token). */
export abstract class Accounts {
  /** The account of this username, whatever its case; undefined when there is none. */
  abstract find(username: string): Promise<Account | undefined>;
}
