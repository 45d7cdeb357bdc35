import { runRulesTest } from './rules-test-command';

/** `node dist/services/certification/src/adapters/cli/rules-test.cli.js <dir>`: one JSON line per rule test. */
const { exitCode, lines } = runRulesTest(process.argv.slice(2));
process.stdout.write(lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
process.exitCode = exitCode;
