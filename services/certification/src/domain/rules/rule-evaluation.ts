import { type CertLogicExpression, evaluate } from 'certlogic-js';
import type { BusinessRule } from './business-rule';

/** What a rule said of a certificate: passed, failed, or could not be evaluated (counted as failed). */
export type RuleOutcome =
  { rule: BusinessRule; outcome: 'passed' | 'failed' } | { rule: BusinessRule; outcome: 'open'; error: string };

/** Evaluates a rule's CertLogic with the reference evaluator (certlogic-js) on `{ payload, external }`. */
export function evaluateLogic(rule: Pick<BusinessRule, 'logic'>, data: { payload: unknown; external: unknown }) {
  return evaluate(rule.logic as CertLogicExpression, data) as unknown;
}

/**
 * Every rule on one certificate. Only `true` passes (CertLogic's truthiness is the engine's affair,
 * but a rule's contract is a boolean); an evaluation error leaves the rule open, which the EU apps
 * treat as not passed.
 */
export function evaluateRules(
  rules: readonly BusinessRule[],
  data: { payload: unknown; external: Record<string, unknown> },
): RuleOutcome[] {
  return rules.map((rule) => {
    try {
      return { rule, outcome: evaluateLogic(rule, data) === true ? 'passed' : 'failed' };
    } catch (error) {
      return { rule, outcome: 'open', error: (error as Error).message };
    }
  });
}
