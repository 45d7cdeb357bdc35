import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type BusinessRule, type RuleSet, type RuleTest, businessRuleOf } from '../domain/rules/business-rule';

/** The rules shipped with the service: the EU's general rules, seven countries' and Viet Nam's own. */
export const SHIPPED_RULES_DIR = join(__dirname, 'business-rules');

export interface RuleFolder {
  /** Where the rule lives, relative to the folder read (`VN/VR-VN-0001`). */
  path: string;
  rule: BusinessRule;
  tests: { file: string; test: RuleTest }[];
}

/**
 * Every `rule.json` under `dir`, at any depth (the whole set, one country's folder or one rule's),
 * with the tests beside it in `tests/*.json`, in a stable order.
 */
export function readRuleFolders(dir: string): RuleFolder[] {
  const folders: RuleFolder[] = [];
  const walk = (at: string) => {
    if (existsSync(join(at, 'rule.json'))) folders.push(readRuleFolder(dir, at));
    for (const entry of readdirSync(at).sort())
      if (entry !== 'tests' && statSync(join(at, entry)).isDirectory()) walk(join(at, entry));
  };
  walk(dir);
  return folders;
}

function readRuleFolder(root: string, at: string): RuleFolder {
  const path = relative(root, at) || '.';
  const rule = businessRuleOf(readJson(join(at, 'rule.json')), `${path}/rule.json`);
  const testsDir = join(at, 'tests');
  const files = existsSync(testsDir)
    ? readdirSync(testsDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  return { path, rule, tests: files.map((file) => ({ file, test: readJson(join(testsDir, file)) as RuleTest })) };
}

/** The rules under `dir`, versioned by their content: any change to any rule changes the version. */
export function readRuleSet(dir: string): RuleSet {
  const folders = readRuleFolders(dir);
  const hash = createHash('sha256');
  for (const f of folders) hash.update(`${f.path}\n${JSON.stringify(f.rule)}\n`);
  return { rules: folders.map((f) => f.rule), version: `sha256:${hash.digest('hex').slice(0, 12)}` };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}
