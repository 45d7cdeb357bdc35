import { readRuleSet, SHIPPED_RULES_DIR } from '../../reference/business-rules.loader';
import { readValueSets, SHIPPED_VALUE_SETS_DIR } from '../../reference/value-sets.loader';
import { cborDecoder, cborEncoder, toJson } from './cbor';
import { dccSchemaProblems } from './dcc-schema.validator';
import { type DgcCase, loadDgcCases } from './dgc-testdata.cases';
import { type CheckName, type VerificationResult, verifyHcert } from './hcert.verifier';
import { trustedSignerOf } from './trusted-signer';

/** Which of our checks answer each stage the vectors test (docs/certification/dgc-testdata.md). */
const STAGE_CHECKS: Record<string, CheckName[]> = {
  UNPREFIX: ['prefix'],
  B45DECODE: ['base45'],
  COMPRESSION: ['zlib'],
  DECODE: ['cose', 'cwt'],
  VERIFY: ['signature'],
  EXPIRATIONCHECK: ['expiry'],
  KEYUSAGE: ['keyUsage'],
  // What issuing countries' validators answered: the schema of the declared version and the value sets.
  SCHEMAVALIDATION: ['schema', 'valueSets'],
};
/** Stages about the QR image, which our verifier (given the decoded text) never sees. */
const NOT_OURS = new Set(['PICTUREDECODE']);

/**
 * Where we believe the vector itself is wrong, and why (docs/certification/dgc-testdata.md). The
 * test requires us to disagree exactly there, so a corrected vector shows up as a failure here.
 */
const WRONG_IN_VECTOR: Record<string, Record<string, string>> = {
  'FR/test_pcr_ok.json': {
    VALIDJSON: 'its JSON says sc 12:34:56Z and dr 12:45:01Z; the signed CBOR says 14:34:56Z and 14:45:01Z',
  },
  'ES/1101.json': { SCHEMAVALIDATION: 'tg, vp, mp and ma are all "729999", in no EU value set' },
  'ES/1103.json': { SCHEMAVALIDATION: 'tg "94558-4" (a LOINC test code) and tr "NEGATIVO" are in no EU value set' },
};

const cases = loadDgcCases();
const valueSets = readValueSets(SHIPPED_VALUE_SETS_DIR);
const ruleSet = readRuleSet(SHIPPED_RULES_DIR);

/** As the issuing country's own verifier would: its value sets, and its rules with the EU's on arrival there. */
function verify(c: DgcCase): VerificationResult {
  const options = { at: c.clock, trustList: [trustedSignerOf(Buffer.from(c.certificate, 'base64'))], valueSets };
  const issuer = verifyHcert(c.prefix ?? '', options).issuer;
  return verifyHcert(c.prefix ?? '', { ...options, rules: { ruleSet, arrivalCountry: issuer ?? 'VN' } });
}

/** The stage's outcome as ours: true when every check behind it passed. */
function actual(stage: string, c: DgcCase, result: VerificationResult): boolean {
  if (STAGE_CHECKS[stage]) return STAGE_CHECKS[stage].every((check) => result.checks[check] === 'passed');
  if (stage === 'RESULTS') return result.valid;
  // The signed payload, as JSON, is the case's JSON (compared as values: CBOR maps are unordered).
  if (stage === 'VALIDJSON') return result.checks.cwt === 'passed' && equalJson(result.dcc, c.json);
  // The case's JSON meets the schema.
  if (stage === 'VALIDOBJECT') return dccSchemaProblems(c.json).length === 0;
  // Our CBOR encoding of the case's JSON carries the values of the case's CBOR.
  if (stage === 'ENCODE') return c.cborHex !== undefined && equalJson(ourEncoding(c.json), hcertOf(c.cborHex));
  throw new Error(`stage ${stage} has no check behind it`);
}

describe('our verifier over the EU DCC test vectors (dgc-testdata)', () => {
  it('reads every case', () => {
    expect(cases.length).toBeGreaterThanOrEqual(118);
    const stages = new Set(cases.flatMap((c) => Object.keys(c.expected)));
    const unchecked = [...stages].filter(
      (s) => !STAGE_CHECKS[s] && !['RESULTS', 'VALIDJSON', 'VALIDOBJECT', 'ENCODE'].includes(s),
    );
    expect(unchecked).toEqual([...NOT_OURS]);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: every tested stage agrees', (_, c) => {
    const result = verify(c);
    const disagreements = Object.entries(c.expected)
      .filter(([stage]) => !NOT_OURS.has(stage))
      .filter(([stage, expected]) => actual(stage, c, result) !== expected)
      .map(([stage, expected]) => `${stage}: expected ${expected}, ours ${!expected} (${result.reason ?? 'valid'})`);
    const believedWrong = Object.keys(WRONG_IN_VECTOR[c.name] ?? {}).map((stage) =>
      disagreements.find((d) => d.startsWith(`${stage}:`)),
    );
    expect(disagreements).toEqual(believedWrong);
  });
});

function ourEncoding(json: unknown): unknown {
  return toJson(cborDecoder.decode(cborEncoder.encode(json)));
}

/** A case's CBOR field holds the payload (AT, ES, IT) or the whole CWT around it (FR, common). */
function hcertOf(hex: string): unknown {
  const decoded = cborDecoder.decode(Buffer.from(hex, 'hex')) as Map<unknown, unknown>;
  const hcert = decoded instanceof Map ? decoded.get(-260) : undefined;
  return toJson(hcert instanceof Map ? hcert.get(1) : decoded);
}

function equalJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((k) => [k, sortKeys(record[k])]),
    );
  }
  return value;
}
