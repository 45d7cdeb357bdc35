import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import schema from '../reference/eu-dcc/DCC.combined-schema.json';

export const DCC_SCHEMA_VERSION = '1.3.0';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
// The schema names the value set of each coded field; it is documentation, not a constraint.
ajv.addKeyword({ keyword: 'valueset-uri', schemaType: 'string' });
const validate = ajv.compile(schema);

/** Validates a DCC payload (plain JSON) against the vendored schema; the problems name the JSON path. */
export function dccSchemaProblems(payload: unknown): string[] {
  if (validate(payload)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}
