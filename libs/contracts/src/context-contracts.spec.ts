import { CertificationEventsV1 } from './certification/certification-events.v1';
import { ComplaintsEventsV1 } from './complaints/complaints-events.v1';
import { type Contract, InvalidMessageError } from './contract';
import { IdentityEventsV1 } from './identity/identity-events.v1';
import { InjectionsEventsV1 } from './injections/injections-events.v1';

const envelope = {
  eventId: '0192f5a4-7c1e-7d2a-9b3c-1f2e3d4c5b6a',
  aggregateId: 'agg-1',
  occurredAt: '2021-11-05T02:30:00.000Z',
  correlationId: 'corr-1',
  causationId: null,
  actor: { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' },
};
const dose = {
  doseNumber: 2,
  vaccineCode: 'AZD1222',
  lotNumber: 'ABV5811',
  administeredOn: '2021-11-05',
  siteId: 'LC-TD-01',
};

// One valid example per event type, and the rule a typical mistake breaks.
const cases: [Contract<never>, string, object, object, string][] = [
  [
    IdentityEventsV1 as never,
    'IdentityVerified',
    {
      verificationId: 'v1',
      personId: 'p1',
      idNumber: '012203004567',
      fullName: 'Lò Văn Páo',
      dateOfBirth: '2003-01-02',
      gender: 'male',
      source: 'cccd-qr',
      verifiedAt: '2021-11-05T02:30:00Z',
    },
    { dateOfBirth: '02/01/2003' },
    'payload.dateOfBirth',
  ],
  [
    IdentityEventsV1 as never,
    'IdentityMismatched',
    {
      verificationId: 'v1',
      idNumber: '012203004567',
      differences: [{ field: 'fullName', kind: 'accents-only' }],
      source: 'typed',
      checkedAt: '2021-11-05T02:30:00Z',
    },
    { idNumber: '12345' },
    'payload.idNumber',
  ],
  [
    InjectionsEventsV1 as never,
    'DoseRecorded',
    { recordId: 'r1', personId: 'p1', dose, verificationId: 'v1', recordedBy: 'staff-17' },
    { dose: { ...dose, doseNumber: 0 } },
    'payload.dose.doseNumber',
  ],
  [
    InjectionsEventsV1 as never,
    'DoseCorrected',
    {
      recordId: 'r1',
      personId: 'p1',
      before: dose,
      after: { ...dose, lotNumber: 'ABV5812' },
      reason: 'lot typed wrong',
      complaintId: 'c1',
    },
    { after: { ...dose, administeredOn: 'yesterday' } },
    'payload.after.administeredOn',
  ],
  [
    ComplaintsEventsV1 as never,
    'SlaBreached',
    {
      complaintId: 'c1',
      level: 'commune-station',
      assigneeUnitId: 'TS-TD-01',
      dueAt: '2021-11-07T02:30:00Z',
      breachedAt: '2021-11-07T02:30:01Z',
    },
    { level: 'ward' },
    'payload.level',
  ],
  [
    CertificationEventsV1 as never,
    'CertificateIssued',
    {
      certificateId: 'URN:UVCI:01:VN:LC/2021/AB12CD34#K',
      personId: 'p1',
      status: 'fully-vaccinated',
      issuedAt: '2021-11-05T02:30:00Z',
      expiresAt: '2022-11-05T02:30:00Z',
    },
    { certificateId: 'VN-123' },
    'payload.certificateId',
  ],
];

const byType = cases.map(
  ([contract, type, payload, broken, field]) => [type, contract, payload, broken, field] as const,
);

describe('the v1 contracts of each context', () => {
  it.each(byType)('accept a valid %s', (type, contract, payload) => {
    expect(contract.parse({ ...envelope, type, payload })).toMatchObject({ type, payload });
  });

  it.each(byType)('refuse a broken %s, naming the field', (type, contract, payload, broken, field) => {
    let problems: { field: string }[] = [];
    try {
      contract.parse({ ...envelope, type, payload: { ...payload, ...broken } });
    } catch (error) {
      if (error instanceof InvalidMessageError) problems = error.problems;
    }
    expect(problems.map((p) => p.field)).toContain(field);
  });
});
