#!/usr/bin/env node
// Prints "N passed, N failed" (alone, as CI reads it; skipped tests are reported on stderr) from
// jest's JSON results: the files given, or every tier `npm test` runs. A suite that crashed before
// its tests ran, or a results file that is missing, counts as a failure, never as nothing.
// Exits non-zero when anything failed.
'use strict';
const fs = require('node:fs');

let passed = 0;
let failed = 0;
let skipped = 0;
// The tiers of scripts/test.sh, in its order: one list for it and for .ci/run.
const TIERS = ['main', 'e2e', 'soak', 'fuzz'].map((tier) => `test-artifacts/jest-${tier}.json`);
const files = process.argv.length > 2 ? process.argv.slice(2) : TIERS;
for (const file of files) {
  if (!fs.existsSync(file)) {
    failed += 1;
    process.stderr.write(`missing test results: ${file}\n`);
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
  const crashed = r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed'));
  failed += crashed.length;
  for (const s of crashed) process.stderr.write(`suite failed to run: ${s.name}\n${s.message}\n`);
  if (r.numTotalTests === 0 && crashed.length === 0) {
    failed += 1;
    process.stderr.write(`no test ran in ${file}\n`);
  }
}
if (skipped) process.stderr.write(`${skipped} skipped (each says why in its output)\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
