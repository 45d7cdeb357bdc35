/** EU DCC value sets as business rules read them (`external.valueSets`): each set's id → its codes. */
export type ValueSetCodes = Readonly<Record<string, readonly string[]>>;

/** The value sets a verifier holds, and which version of them it holds (stated on each verdict). */
export interface ValueSets {
  codes: ValueSetCodes;
  version: string;
}

/** Which value set each coded field of a DCC entry draws from (valueSetId of the EU files). */
const CODED_FIELDS: Record<'v' | 't' | 'r', [field: string, valueSet: string][]> = {
  v: [
    ['tg', 'disease-agent-targeted'],
    ['vp', 'sct-vaccines-covid-19'],
    ['mp', 'vaccines-covid-19-names'],
    ['ma', 'vaccines-covid-19-auth-holders'],
    ['co', 'country-2-codes'],
  ],
  t: [
    ['tg', 'disease-agent-targeted'],
    ['tt', 'covid-19-lab-test-type'],
    ['ma', 'covid-19-lab-test-manufacturer-and-name'],
    ['tr', 'covid-19-lab-result'],
    ['co', 'country-2-codes'],
  ],
  r: [
    ['tg', 'disease-agent-targeted'],
    ['co', 'country-2-codes'],
  ],
};

/**
 * Each coded field whose code is not in its value set, as `v/0/ma "9999" is not in
 * vaccines-covid-19-auth-holders`. Membership, not the `active` flag: a code later retired still
 * reads on certificates issued while it was current. A set the verifier does not hold is not
 * judged; a test's `ma` only where given (NAA tests carry none).
 */
export function valueSetProblems(dcc: Record<string, unknown>, codes: ValueSetCodes): string[] {
  const problems: string[] = [];
  for (const group of ['v', 't', 'r'] as const) {
    const entries = dcc[group];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry: Record<string, unknown>, i) => {
      for (const [field, set] of CODED_FIELDS[group]) {
        const code = entry?.[field];
        const known = codes[set];
        if (!known || (group === 't' && field === 'ma' && (code === undefined || code === ''))) continue;
        if (typeof code !== 'string' || !known.includes(code))
          problems.push(`/${group}/${i}/${field} ${JSON.stringify(code ?? null)} is not in ${set}`);
      }
    });
  }
  return problems;
}
