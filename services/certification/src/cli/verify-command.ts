import { parseArgs } from 'node:util';
import { verifyHcert } from '../hcert/hcert.verifier';
import { trustedSignerOf } from '../hcert/trusted-signer';

export const USAGE =
  'usage: verify.cli.js --dsc <base64 DER> [--dsc …] [--at <ISO 8601>] [--revoked <base64 hash> …] [--show-holder] < hc1.txt';

export interface CommandResult {
  exitCode: 0 | 1 | 2;
  output: object;
}

/**
 * The offline verifier: the HC1 text on standard input, the trusted DSCs and the clock as
 * arguments, one JSON object out. Exit 0 valid, 1 invalid (with the check that failed), 2 usage.
 * The holder's name and birth date are printed only when asked for.
 */
export function runVerifyCommand(args: string[], stdin: string): CommandResult {
  let values: { dsc?: string[]; at?: string; revoked?: string[]; 'show-holder'?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        dsc: { type: 'string', multiple: true },
        at: { type: 'string' },
        revoked: { type: 'string', multiple: true },
        'show-holder': { type: 'boolean' },
      },
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (!values.dsc?.length) return usage('--dsc is required');
  const at = values.at === undefined ? new Date() : new Date(values.at);
  if (Number.isNaN(at.getTime())) return usage('--at must be an ISO 8601 instant');
  let trustList;
  try {
    trustList = values.dsc.map((b64) => trustedSignerOf(Buffer.from(b64, 'base64')));
  } catch (error) {
    return usage(`--dsc is not a base64 DER certificate: ${(error as Error).message}`);
  }
  const revoked = new Set(values.revoked ?? []);
  const { dcc, ...result } = verifyHcert(stdin.trim(), {
    at,
    trustList,
    isRevoked: (h) => Object.values(h).some((x) => revoked.has(x)),
  });
  const output = values['show-holder'] ? { ...result, holder: dcc ? { nam: dcc.nam, dob: dcc.dob } : null } : result;
  return { exitCode: result.valid ? 0 : 1, output };
}

function usage(problem: string): CommandResult {
  return { exitCode: 2, output: { valid: false, failed: 'usage', reason: problem, usage: USAGE } };
}
