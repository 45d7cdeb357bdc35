import { REDACTED, maskIdentifiers, redactPersonalData } from './personal-data.redactor';

describe('personal data never reaches a log line', () => {
  it('replaces personal keys at any depth and in any spelling', () => {
    const logged = redactPersonalData({
      complaintId: 'c-1',
      person: { idNumber: '001203004567', full_name: 'Lò Văn Páo', DateOfBirth: '2003-01-02' },
      req: { headers: { authorization: 'Bearer x', cookie: 'sid=1', 'x-correlation-id': 'abc' } },
    });
    expect(logged).toEqual({
      complaintId: 'c-1',
      person: { idNumber: REDACTED, full_name: REDACTED, DateOfBirth: REDACTED },
      req: { headers: { authorization: REDACTED, cookie: REDACTED, 'x-correlation-id': 'abc' } },
    });
  });

  it('masks 12-digit CCCD, 9-digit CMND and phone numbers inside free text', () => {
    expect(maskIdentifiers('no match for 001203004567 (old 123456789), phone 0912345678')).toBe(
      'no match for ************ (old *********), phone **********',
    );
  });

  it('leaves shorter numbers, ids and timestamps readable', () => {
    expect(maskIdentifiers('dose 2 at site 12 on 2021-11-05, took 35 ms')).toBe(
      'dose 2 at site 12 on 2021-11-05, took 35 ms',
    );
  });

  it('masks identifiers quoted in an error message and its stack', () => {
    const logged = redactPersonalData({ err: new Error('person 001203004567 not found') }) as {
      err: Record<string, string>;
    };
    expect(logged.err.message).toBe('person ************ not found');
    expect(logged.err.stack).not.toContain('001203004567');
    expect(logged.err.type).toBe('Error');
  });

  it('walks arrays and stops at a safe depth on cyclic-looking structures', () => {
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 20; i++) cursor = (cursor.next = {}) as Record<string, unknown>;
    expect(JSON.stringify(redactPersonalData([{ phone: '0912345678' }, deep]))).toContain('[too deep]');
    expect(redactPersonalData([{ phone: '0912345678' }])).toEqual([{ phone: REDACTED }]);
  });
});
