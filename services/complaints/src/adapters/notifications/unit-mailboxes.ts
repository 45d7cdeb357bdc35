import { readFileSync } from 'node:fs';

/** Unit ids are their staff's actor scopes: `site:LC-TD-01`, `district:Tam Đường`, `province:12`, `registry:12`. */
const UNIT_ID = /^(site|district|province|registry):\S.*$/;
const MAILBOX = /^[^\s@<>",]+@[^\s@<>",]+\.[^\s@<>",]+$/;

/**
 * The mailbox of each unit that may hold a complaint, from a JSON object `{ "<unit id>": "<address>" }`
 * (keys starting with `$` are comments). Problems name the unit, never the address.
 */
export function parseUnitMailboxes(json: string): Map<string, string> {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    throw new Error('is not JSON');
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw new Error('must hold a JSON object of unit id → e-mail address');
  const mailboxes = new Map<string, string>();
  for (const [unitId, mailbox] of Object.entries(document)) {
    if (unitId.startsWith('$')) continue;
    if (!UNIT_ID.test(unitId))
      throw new Error(`"${unitId}" is not a unit id (site:…, district:…, province:…, registry:…)`);
    if (typeof mailbox !== 'string' || !MAILBOX.test(mailbox))
      throw new Error(`the mailbox of "${unitId}" is not an e-mail address`);
    mailboxes.set(unitId, mailbox);
  }
  if (mailboxes.size === 0) throw new Error('names no unit');
  return mailboxes;
}

export function readUnitMailboxes(path: string): Map<string, string> {
  let json: string;
  try {
    json = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseUnitMailboxes(json);
}
