import { readFileSync } from 'node:fs';
import { runVerifyCommand } from './verify-command';

/** `node dist/services/certification/src/adapters/cli/verify.cli.js --dsc <base64> --at <ISO> < hc1.txt` */
const { exitCode, output } = runVerifyCommand(process.argv.slice(2), readFileSync(0, 'utf8'));
process.stdout.write(`${JSON.stringify(output)}\n`);
process.exitCode = exitCode;
