import { createHash } from 'node:crypto';
import type { CertificationPolicy, CertificationReference, CertifiedVaccine } from '../domain/certification-reference';
import { DCC_SCHEMA_VERSION } from '../adapters/hcert/dcc-schema.validator';
import valueSets from './eu-dcc/value-sets.json';
import vaccines from './vaccines.json';

type ValueSets = { pinned: string; sets: Record<string, { values: Record<string, { active: boolean }> }> };

/** The catalogue, the policy and the pinned EU codes, from this folder's JSON (replace them, not the code). */
export function loadCertificationReference(data: ReferenceData = vaccines as ReferenceData): CertificationReference {
  const sets = valueSets as ValueSets;
  const problems = data.vaccines.flatMap((v) => unpinnedCodes(v, sets));
  if (problems.length > 0)
    throw new Error(`vaccines.json uses codes outside the pinned value sets: ${problems.join(', ')}`);
  const terms = { vaccines: data.vaccines, policy: data.policy, issuer: data.issuer, sets: sets.pinned };
  return {
    catalogue: new Map(data.vaccines.map((v) => [v.code, v])),
    policy: data.policy,
    issuer: data.issuer,
    valueSetVersion: sets.pinned,
    schemaVersion: DCC_SCHEMA_VERSION,
    policyVersion: createHash('sha256')
      .update(JSON.stringify({ ...terms, schema: DCC_SCHEMA_VERSION }))
      .digest('hex')
      .slice(0, 16),
  };
}

/** vaccines.json's shape; a test or a bench may pass a changed policy. */
export interface ReferenceData {
  vaccines: CertifiedVaccine[];
  policy: CertificationPolicy;
  issuer: { country: string; name: string };
}

/** Each DCC code must be an active entry of its value set at the pinned version. */
function unpinnedCodes(vaccine: CertifiedVaccine, sets: ValueSets): string[] {
  const check: [string, string][] = [
    ['vaccine-prophylaxis', vaccine.dcc.vp],
    ['vaccine-medicinal-product', vaccine.dcc.mp],
    ['vaccine-mah-manf', vaccine.dcc.ma],
  ];
  return check
    .filter(([set, code]) => !sets.sets[set]?.values[code]?.active)
    .map(([set, code]) => `${vaccine.code}: ${set} ${code}`);
}
