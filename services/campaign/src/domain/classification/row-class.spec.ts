import { classifyRow, isSentToRegistry, worklistReason } from './row-class';

const accepted = { status: 'accepted' as const, idState: 'valid' as const };

describe('classifying a row', () => {
  it('classes only the rows the import refused without asking the registry', () => {
    expect(classifyRow({ status: 'rejected', idState: 'valid' })).toBe('rejected');
    expect(isSentToRegistry({ status: 'rejected', idState: 'valid' })).toBe(false);
    expect(isSentToRegistry(accepted)).toBe(true);
  });

  it('sends rows without a usable ID number to be searched, and takes what the registry found', () => {
    expect(isSentToRegistry({ status: 'accepted', idState: 'missing' })).toBe(true);
    expect(isSentToRegistry({ status: 'accepted', idState: 'malformed' })).toBe(true);
    expect(classifyRow({ status: 'accepted', idState: 'missing' })).toBe('pending');
    const linked = {
      result: 'mismatched' as const,
      personId: 'P1',
      differences: [{ field: 'idNumber', kind: 'missing' }],
    };
    expect(classifyRow({ status: 'accepted', idState: 'missing' }, linked)).toBe('mismatched');
    const nobody = { result: 'invalid-id' as const, differences: [] };
    expect(classifyRow({ status: 'accepted', idState: 'malformed' }, nobody)).toBe('invalid-id');
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
    expect(worklistReason('mismatched', 'missing', [])).toBe('identity-mismatch');
    expect(worklistReason('ambiguous', 'missing', [])).toBe('ambiguous-identity');
  });

  it('holds a match whose dose facts are broken until the site fixes them', () => {
    expect(worklistReason('matched', 'valid', [{ field: 'vaccine', rule: 'known' }])).toBe('dose-facts');
    expect(worklistReason('matched', 'valid', [{ field: 'phone', rule: 'format' }])).toBeUndefined();
  });
});
