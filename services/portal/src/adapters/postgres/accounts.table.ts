import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';
import { hashPassword } from '../../application/password-hash';
import { type Account, Accounts } from '../../application/ports/accounts.port';

export interface SeedAccount {
  username: string;
  password: string;
  displayName: string;
  role: string;
  scope: string;
}

/** Staff and managers' accounts, each bound to a role and a scope. */
export class PostgresAccounts extends Accounts {
  constructor(private readonly pool: Pool) {
    super();
  }

  async find(username: string): Promise<Account | undefined> {
    const { rows } = await this.pool.query(
      `select username, password_hash, display_name, role, scope
       from accounts where username = $1`,
      [username.trim().toLowerCase()],
    );
    const r = rows[0];
    return (
      r && {
        username: r.username,
        passwordHash: r.password_hash,
        displayName: r.display_name,
        role: r.role,
        scope: r.scope,
      }
    );
  }

  /**
   * Accounts from a seed file, added when missing (never overwriting a changed password). The seed
   * that ships is for development and demos; a province supplies its own file.
   */
  async seed(file: string): Promise<number> {
    const { accounts } = JSON.parse(readFileSync(file, 'utf8')) as { accounts: SeedAccount[] };
    let added = 0;
    for (const a of accounts) {
      const { rowCount } = await this.pool.query(
        `insert into accounts (username, password_hash, display_name, role, scope) values ($1, $2, $3, $4, $5)
         on conflict (username) do nothing`,
        [a.username.toLowerCase(), await hashPassword(a.password), a.displayName, a.role, a.scope],
      );
      added += rowCount ?? 0;
    }
    return added;
  }
}
