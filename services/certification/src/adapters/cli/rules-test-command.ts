import { existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { evaluateLogic } from '../../domain/rules/rule-evaluation';
import { readRuleFolders } from '../../reference/business-rules.loader';

export const RULES_TEST_USAGE =
  'usage: rules-test.cli.js <dir>   (a folder of <COUNTRY>/<RULE-ID>/rule.json + tests/*.json)';

/** One test's line: the rule, the test (its file and name), what the test expects and what the rule gave. */
export interface RuleTestLine {
  rule: string;
  test: string;
  expected: unknown;
  got: unknown;
  error?: string;
}

/**
 * Evaluates every rule's tests in a folder of the published layout with the reference evaluator.
 * Exit 0 only when every test agrees (and there is at least one), 1 when any disagrees, 2 usage.
 */
export function runRulesTest(args: string[]): { exitCode: 0 | 1 | 2; lines: object[] } {
  const dir = args[0];
  if (args.length !== 1 || !dir || !existsSync(dir))
    return usage(dir ? `${dir} does not exist` : 'a folder is required');
  let folders;
  try {
    folders = readRuleFolders(dir);
  } catch (error) {
    return usage((error as Error).message);
  }
  const lines: RuleTestLine[] = folders.flatMap(({ rule, tests }) =>
    tests.map(({ file, test }) => {
      const line = { rule: rule.identifier, test: `${file}: ${test.name}`, expected: test.expected };
      try {
        return { ...line, got: evaluateLogic(rule, { payload: test.payload, external: test.external }) };
      } catch (error) {
        return { ...line, got: null, error: (error as Error).message };
      }
    }),
  );
  if (lines.length === 0) return usage(`no rule with tests under ${dir}`);
  const allAgree = lines.every((l) => l.error === undefined && isDeepStrictEqual(l.got, l.expected));
  return { exitCode: allAgree ? 0 : 1, lines };
}

function usage(problem: string) {
  return { exitCode: 2 as const, lines: [{ error: problem, usage: RULES_TEST_USAGE }] };
}
