/**
 * Makes the actor-token keys of a development install, once: one Ed25519 pair per issuer that signs
 * (the portal, the complaints worker), each private key in its own file readable by its owner only,
 * and the public keys every service trusts in `trusted-keys.json`. Key ids start with "dev-", which a
 * production profile refuses.
 *   node actor-token-keys.cli.js <dir> [issuer...]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PORTAL_ISSUER } from './actor-token';
import { generateIssuerKeys } from './actor-token.keys';

async function main(): Promise<void> {
  const [dir, ...named] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: actor-token-keys.cli.js <dir> [issuer...]\n');
    process.exit(2);
  }
  const trustedFile = join(dir, 'trusted-keys.json');
  if (existsSync(trustedFile)) return; // made once per install; delete the folder to make new ones
  const issuers = named.length > 0 ? named : [PORTAL_ISSUER, 'complaints-worker'];
  const keys = await generateIssuerKeys(issuers);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const [issuer, key] of Object.entries(keys.signing)) {
    const body = JSON.stringify({ issuer, jwk: key.privateJwk });
    writeFileSync(join(dir, `${issuer}.private-key.json`), body, { mode: 0o600 });
  }
  writeFileSync(trustedFile, JSON.stringify(keys.trusted, null, 2), { mode: 0o644 });
}

void main();
