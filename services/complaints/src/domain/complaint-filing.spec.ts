import { ComplaintError } from './complaint.errors';
import { cmd, given, historyOf, otherCitizen, otherSiteStaff, photo, refusal } from './complaint.spec-fixtures';

const rules = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof ComplaintError) return error.problems.map((p) => `${p.field}:${p.rule}`);
    throw error;
  }
  return [];
};

describe('filing a complaint', () => {
  it('records what the citizen stated, the subject and the evidence, under the citizen', () => {
    const [event] = given([]).when(cmd.file());
    expect(event).toMatchObject({
      type: 'ComplaintFiled',
      data: { complaintId: 'c-1', complaintType: 'dose-details', citizenId: 'citizen-1', evidence: [photo(1)] },
    });
  });

  it('refuses, field by field, what the national form would not take', () => {
    const bad = cmd.file({
      stated: { fullName: ' ', dateOfBirth: '1990-13-02', gender: 'male', idNumber: '12345' },
      contact: { phone: '12345', address: 'Bình Lư' },
      contactConfirmed: false,
    });
    expect(rules(() => given([]).when(bad))).toEqual([
      'stated.fullName:required',
      'stated.dateOfBirth:format',
      'stated.idNumber:format',
      'contact.phone:format',
      'contact.phone:confirmed',
    ]);
  });

  it('holds photos to JPEG, PNG or HEIC, 5 MB, five per complaint, each once', () => {
    const evidence = [
      photo(1, { mediaType: 'image/gif' as never }),
      photo(2, { sizeBytes: 5 * 1024 * 1024 + 1 }),
      photo(3, { sha256: 'not-a-hash' }),
      photo(4),
      photo(4, { evidenceId: 'ev-4b' }),
      photo(5),
    ];
    expect(rules(() => given([]).when(cmd.file({ evidence })))).toEqual([
      'evidence[0].mediaType:imageType',
      'evidence[1].sizeBytes:maxSize',
      'evidence[2].sha256:format',
      'evidence[4].sha256:unique',
      'evidence:maxItems',
    ]);
  });

  it('needs a photo for a dose complaint, not for wrong personal details', () => {
    expect(rules(() => given([]).when(cmd.file({ evidence: [] })))).toEqual(['evidence:required']);
    const personal = cmd.file({ evidence: [], subject: { type: 'personal-details', fields: ['fullName'] } });
    expect(given([]).when(personal)).toHaveLength(1);
  });

  it('checks the subject: claimed dose facts for every field named, known fields only', () => {
    const subject = {
      type: 'dose-details' as const,
      doseNumber: 0,
      fields: ['lotNumber' as const, 'vaccineCode' as const],
      claimed: { lotNumber: 'X1' },
      siteId: 'LC-TD-01',
    };
    expect(rules(() => given([]).when(cmd.file({ subject })))).toEqual([
      'subject.doseNumber:range',
      'subject.claimed.vaccineCode:format',
    ]);
    const missing = cmd.file({
      subject: {
        type: 'missing-dose',
        dose: { vaccineCode: 'AZD1222', lotNumber: '', administeredOn: '2021-10-01', siteId: 'LC-TD-01' },
      },
    });
    expect(rules(() => given([]).when(missing))).toEqual(['subject.dose.lotNumber:required']);
  });

  it('is filed by citizens only, and an id taken by another citizen is refused', () => {
    expect(refusal(() => given([]).when(cmd.file({ citizen: otherSiteStaff })))).toBe('not-allowed');
    expect(refusal(() => given(historyOf(cmd.file())).when(cmd.file({ citizen: otherCitizen })))).toBe('already-filed');
  });
});

describe('filing a complaint with a malformed subject', () => {
  it('names the missing parts instead of failing', () => {
    const broken = (subject: object) => rules(() => given([]).when(cmd.file({ subject: subject as never })));
    expect(broken({ type: 'missing-dose' })).toContain('subject.dose.vaccineCode:format');
    expect(broken({ type: 'dose-details', doseNumber: 2, siteId: 'LC-TD-01' })).toEqual(['subject.fields:required']);
    expect(broken({ type: 'duplicate-record', siteId: 'LC-TD-01' })).toEqual(['subject.doseNumbers:required']);
    expect(broken({ type: 'certificate' })).toEqual([]);
    expect(broken({ type: 'vaccine-reaction' })).toEqual(['subject.type:oneOf']);
  });
});
