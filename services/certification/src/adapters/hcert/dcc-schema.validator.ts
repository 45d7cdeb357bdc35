import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import vendored from '../../reference/eu-dcc/DCC.combined-schema.json';

/** The version we issue. */
export const DCC_SCHEMA_VERSION = '1.3.0';

/** The released schema versions a declared `ver` is validated against. */
export type SchemaRelease = '1.0.0' | '1.2.1' | '1.3.0' | '1.3.2';

type Schema = typeof vendored & Record<string, unknown>;
const clone = (): Schema => JSON.parse(JSON.stringify(vendored)) as Schema;

/**
 * Each release, from the vendored combined schema (a pre-release commit of 1.3.0, see
 * reference/eu-dcc/README.md) and what the releases changed:
 * - 1.0.0 and 1.2.1 require the testing centre `t[].tc`; released 1.3.0 made it optional;
 * - 1.3.2 requires `fnt` or `gnt`, no longer `fnt` alone.
 * And the leniency deployed verifiers settled on: a date-time in `v[].dt` (several issuers wrote
 * one) is read as its date.
 */
function release(version: SchemaRelease): Schema {
  const schema = clone();
  const defs = schema.$defs;
  if (version === '1.3.0' || version === '1.3.2')
    defs.test_entry.required = defs.test_entry.required.filter((f) => f !== 'tc');
  if (version === '1.3.2') {
    const name = defs.person_name as Record<string, unknown>;
    delete name.required;
    name.anyOf = [{ required: ['fnt'] }, { required: ['gnt'] }];
  }
  const dt = defs.vaccination_entry.properties.dt as Record<string, unknown>;
  delete dt.format;
  dt.anyOf = [{ format: 'date' }, { format: 'date-time' }];
  schema.$comment = `Schema version ${version}`;
  return schema;
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
// The schema names the value set of each coded field; the verifier checks value sets on its own.
ajv.addKeyword({ keyword: 'valueset-uri', schemaType: 'string' });
const RELEASES: SchemaRelease[] = ['1.0.0', '1.2.1', '1.3.0', '1.3.2'];
const validators = new Map<SchemaRelease, ValidateFunction>(
  RELEASES.map((v) => [v, ajv.compile({ ...release(v), $id: `${vendored.$id.replace(/\.json$/, '')}-${v}.json` })]),
);

/** The release a declared `ver` is checked against: the newest at or below it within major 1. */
export function schemaReleaseFor(ver: unknown): SchemaRelease {
  const m = typeof ver === 'string' ? /^1\.(\d+)\.(\d+)$/.exec(ver) : null;
  if (!m) return '1.3.0'; // a missing or malformed ver fails the schema's own pattern
  const [minor, patch] = [Number(m[1]), Number(m[2])];
  if (minor === 0) return '1.0.0';
  if (minor < 3) return '1.2.1';
  return minor === 3 && patch < 2 ? '1.3.0' : '1.3.2';
}

/** Validates a DCC payload (plain JSON) against the schema of the version it declares; problems name the JSON path. */
export function dccSchemaProblems(payload: unknown): string[] {
  const version = schemaReleaseFor((payload as { ver?: unknown } | null)?.ver);
  const validate = validators.get(version)!;
  if (validate(payload)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} (schema ${version})`);
}
