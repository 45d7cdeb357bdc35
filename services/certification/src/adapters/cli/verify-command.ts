import { parseArgs } from 'node:util';
import { type VerifyOptions, verifyHcert } from '../hcert/hcert.verifier';
import { trustedSignerOf } from '../hcert/trusted-signer';
import { readRuleSet, SHIPPED_RULES_DIR } from '../../reference/business-rules.loader';
import { readValueSets, SHIPPED_VALUE_SETS_DIR } from '../../reference/value-sets.loader';

export const USAGE =
  'usage: verify.cli.js --dsc <base64 DER> [--dsc …] [--at <ISO 8601>] [--revoked <base64 hash> …] ' +
  '[--rules <dir>] [--country <CC>] [--valuesets <file|dir>|none] [--show-holder] < hc1.txt';

export interface CommandResult {
  exitCode: 0 | 1 | 2;
  output: object;
}

type Values = {
  dsc?: string[];
  at?: string;
  revoked?: string[];
  country?: string;
  rules?: string;
  valuesets?: string;
  'show-holder'?: boolean;
};

/**
 * The offline verifier: the HC1 text on standard input, the trusted DSCs and the clock as
 * arguments, one JSON object out. Exit 0 valid, 1 invalid (with the check that failed and each
 * business rule not passed), 2 usage. Value sets are the shipped ones unless given (or `none`).
 * Business rules apply when asked for: `--rules <dir>`, or `--country` alone for the shipped rules;
 * the arrival country is VN unless given. Without them the verdict is the certificate's own
 * validity, as before. The holder's name and birth date are printed only when asked for.
 */
export function runVerifyCommand(args: string[], stdin: string): CommandResult {
  let values: Values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        dsc: { type: 'string', multiple: true },
        at: { type: 'string' },
        revoked: { type: 'string', multiple: true },
        country: { type: 'string' },
        rules: { type: 'string' },
        valuesets: { type: 'string' },
        'show-holder': { type: 'boolean' },
      },
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  const options = optionsOf(values);
  if (typeof options === 'string') return usage(options);
  const { dcc, ...result } = verifyHcert(stdin.trim(), options);
  const output = values['show-holder'] ? { ...result, holder: dcc ? { nam: dcc.nam, dob: dcc.dob } : null } : result;
  return { exitCode: result.valid ? 0 : 1, output };
}

/** The verifier's options from the arguments, or what is wrong with them. */
function optionsOf(values: Values): VerifyOptions | string {
  if (!values.dsc?.length) return '--dsc is required';
  const at = values.at === undefined ? new Date() : new Date(values.at);
  if (Number.isNaN(at.getTime())) return '--at must be an ISO 8601 instant';
  const country = values.country ?? 'VN';
  if (!/^[A-Z]{2}$/.test(country)) return '--country must be an ISO 3166 alpha-2 code in capitals (VN, DE, …)';
  try {
    const dsc = values.dsc;
    const trustList = readOrSay('--dsc is not a base64 DER certificate', () =>
      dsc.map((b64) => trustedSignerOf(Buffer.from(b64, 'base64'))),
    );
    const revoked = new Set(values.revoked ?? []);
    const valueSetsPath = values.valuesets ?? SHIPPED_VALUE_SETS_DIR;
    const rulesDir = values.rules ?? (values.country ? SHIPPED_RULES_DIR : undefined);
    return {
      at,
      trustList,
      isRevoked: (h) => Object.values(h).some((x) => revoked.has(x)),
      valueSets: valueSetsPath === 'none' ? undefined : readOrSay('--valuesets', () => readValueSets(valueSetsPath)),
      rules: rulesDir
        ? { ruleSet: readOrSay('--rules', () => readRuleSet(rulesDir)), arrivalCountry: country }
        : undefined,
    };
  } catch (error) {
    return (error as Error).message;
  }
}

function readOrSay<T>(option: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new Error(`${option}: ${(error as Error).message}`);
  }
}

function usage(problem: string): CommandResult {
  return { exitCode: 2, output: { valid: false, failed: 'usage', reason: problem, usage: USAGE } };
}
