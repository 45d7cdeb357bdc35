import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ValueSetCodes, ValueSets } from '../domain/valuesets/value-sets';

/** The EU DCC value sets shipped with the service (eu-dcc/valuesets, Apache-2.0, LICENSE beside them). */
export const SHIPPED_VALUE_SETS_DIR = join(__dirname, 'eu-dcc', 'valuesets');

interface EuValueSetFile {
  valueSetId: string;
  valueSetDate?: string;
  valueSetValues: Record<string, unknown>;
}

const isEuFile = (json: unknown): json is EuValueSetFile =>
  typeof (json as EuValueSetFile)?.valueSetId === 'string' &&
  typeof (json as EuValueSetFile).valueSetValues === 'object';

/**
 * Value sets from a folder of EU value-set files, one such file, or one file of the compressed
 * form business rules are tested with (`{ "<id>": ["<code>", …] }`). The version names the newest
 * set's date and a hash of the content, so two verifiers can tell whether they hold the same sets.
 */
export function readValueSets(path: string): ValueSets {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => join(path, f))
    : [path];
  const codes: Record<string, string[]> = {};
  const dates: string[] = [];
  for (const file of files) {
    const json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (isEuFile(json)) {
      codes[json.valueSetId] = Object.keys(json.valueSetValues);
      if (json.valueSetDate) dates.push(json.valueSetDate);
    } else if (isCompressed(json)) Object.assign(codes, json);
    else throw new Error(`${file} is neither an EU value-set file nor a map of value-set ids to codes`);
  }
  return { codes, version: versionOf(codes, dates) };
}

function isCompressed(json: unknown): json is ValueSetCodes {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return false;
  return Object.values(json).every((v) => Array.isArray(v) && v.every((c) => typeof c === 'string'));
}

function versionOf(codes: ValueSetCodes, dates: string[]): string {
  const hash = createHash('sha256')
    .update(JSON.stringify(Object.entries(codes).sort()))
    .digest('hex')
    .slice(0, 12);
  const newest = dates.sort().at(-1);
  return newest ? `${newest}/sha256:${hash}` : `sha256:${hash}`;
}
