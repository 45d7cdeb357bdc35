import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The public EU DCC test vectors (services/certification/testdata/dgc-testdata, vendored from ../shared/testdata with its LICENSE and NOTICE), read as they are. */
export const DGC_TESTDATA = join(__dirname, '../../../testdata/dgc-testdata');
/** The workplace's copy beside the repository, where more cases may be held out; read too when present. */
export const SHARED_DGC_TESTDATA = join(__dirname, '../../../../../../shared/testdata/dgc-testdata');

export interface DgcCase {
  name: string;
  prefix: string | undefined;
  json: unknown;
  cborHex: string | undefined;
  certificate: string;
  clock: Date;
  expected: Record<string, boolean>;
}

/** Some files spell keys their own way (EXPTECTEDEXPIRED); they are read as the stage they name. */
const KEY_ALIASES: Record<string, string> = { EXPTECTEDEXPIRED: 'EXPIRATIONCHECK' };

/** Every case of the vendored vectors and of the shared copy (once each, by country and file name). */
export function loadDgcCases(): DgcCase[] {
  const byName = new Map<string, DgcCase>();
  for (const root of [DGC_TESTDATA, SHARED_DGC_TESTDATA].filter((d) => existsSync(d)))
    for (const c of loadDgcCasesFrom(root)) if (!byName.has(c.name)) byName.set(c.name, c);
  return [...byName.values()];
}

export function loadDgcCasesFrom(root: string): DgcCase[] {
  const countries = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory());
  return countries.flatMap((country) => {
    const dir = join(root, country.name, '2DCode/raw');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((file) => toCase(`${country.name}/${file}`, JSON.parse(readFileSync(join(dir, file), 'utf8'))));
  });
}

function toCase(name: string, raw: Record<string, unknown>): DgcCase {
  const ctx = raw.TESTCTX as { CERTIFICATE: string; VALIDATIONCLOCK: string };
  const expected: Record<string, boolean> = {};
  for (const [key, value] of Object.entries((raw.EXPECTEDRESULTS ?? {}) as Record<string, boolean>)) {
    const stage = KEY_ALIASES[key] ?? key.replace(/^EXPECTED/, '');
    expected[stage] = value;
  }
  return {
    name,
    prefix: raw.PREFIX as string | undefined,
    json: raw.JSON,
    cborHex: raw.CBOR as string | undefined,
    certificate: ctx.CERTIFICATE,
    clock: new Date(ctx.VALIDATIONCLOCK.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')),
    expected,
  };
}
