import { classifyRow, isSentToRegistry, worklistReason } from './row-class';

const accepted = { status: 'accepted' as const, idState: 'valid' as const };

describe('classifying a row', () => {
  it('classes rows the registry need not see without asking it', () => {
    expect(classifyRow({ status: 'rejected', idState: 'valid' })).toBe('rejected');
    expect(classifyRow({ status: 'accepted', idState: 'missing' })).toBe('invalid-id');
    expect(classifyRow({ status: 'accepted', idState: 'malformed' })).toBe('invalid-id');
    expect(isSentToRegistry({ status: 'accepted', idState: 'malformed' })).toBe(false);
    expect(isSentToRegistry(accepted)).toBe(true);
  });

  it("takes the registry's result for the others, pending until it comes", () => {
    expect(classifyRow(accepted)).toBe('pending');
    const result = {
      result: 'mismatched' as const,
      personId: 'P1',
      differences: [{ field: 'dateOfBirth', kind: 'day-month-swapped' }],
    };
    expect(classifyRow(accepted, result)).toBe('mismatched');
  });
});

describe('what goes back to the site', () => {
  it('sends every doubtful class back with its reason, and a clean match to the records instead', () => {
    expect(worklistReason('matched', 'valid', [])).toBeUndefined();
    expect(worklistReason('pending', 'valid', [])).toBeUndefined();
    expect(worklistReason('mismatched', 'valid', [])).toBe('identity-mismatch');
    expect(worklistReason('not-found', 'valid', [])).toBe('not-in-registry');
    expect(worklistReason('ambiguous', 'valid', [])).toBe('ambiguous-identity');
    expect(worklistReason('invalid-id', 'missing', [])).toBe('missing-id');
    expect(worklistReason('invalid-id', 'malformed', [])).toBe('malformed-id');
    expect(worklistReason('rejected', 'valid', [])).toBe('unusable-row');
  });

  it('holds a match whose dose facts are broken until the site fixes them', () => {
    expect(worklistReason('matched', 'valid', [{ field: 'vaccine', rule: 'known' }])).toBe('dose-facts');
    expect(worklistReason('matched', 'valid', [{ field: 'phone', rule: 'format' }])).toBeUndefined();
  });
});
