import type { StatedPerson } from '../identity-input/stated-person';
import { DEFAULT_MATCH_POLICY } from '../matching/person-matcher';
import type { RegistryPerson } from '../matching/registry-person';
import { POLICE_VERIFIER, VerificationError, verificationDecider as decider } from './verification.decider';
import type { RecordVerification, ReviewVerification } from './verification.messages';
import { deciderSpec } from '@vax/testing';

const { given, stateOf } = deciderSpec(decider);

const registry: RegistryPerson = {
  personId: 'p-1',
  idNumber: '012203004567',
  fullName: 'Lò Văn Páo',
  dateOfBirth: '2003-01-02',
  gender: 'male',
};
const stated: StatedPerson = {
  source: 'cccd-qr',
  layout: 'cccd-qr-2021/7',
  idNumber: '012203004567',
  idKind: 'cccd',
  fullName: 'Lò Văn Páo',
  dateOfBirth: '2003-01-02',
  gender: 'male',
};
const at = '2021-11-05T02:30:00.000Z';
const policeOfficer = { id: 'ca-lc-17', role: POLICE_VERIFIER, scope: 'commune:Bình Lư' };
const siteStaff = { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' };

const recordCmd = (over: Partial<RecordVerification> = {}): RecordVerification => ({
  type: 'RecordVerification',
  verificationId: 'v-1',
  stated,
  registry,
  policy: DEFAULT_MATCH_POLICY,
  at,
  ...over,
});
const reviewCmd = (over: Partial<ReviewVerification> = {}): ReviewVerification => ({
  type: 'ReviewVerification',
  verificationId: 'v-1',
  outcome: 'overridden',
  reason: 'Giấy khai sinh gốc khớp với người đến tiêm',
  reviewer: policeOfficer,
  at,
  ...over,
});

const recorded = (over: Partial<RecordVerification> = {}) => given().when(recordCmd(over));
const errorCode = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    if (e instanceof VerificationError) return e.code;
    throw e;
  }
  return 'no error';
};

describe('an identity verification', () => {
  it('is verified when every stated fact agrees with the registry', () => {
    expect(given([]).when(recordCmd())).toEqual([
      {
        type: 'VerificationRecorded',
        data: {
          verificationId: 'v-1',
          stated,
          registry,
          result: 'verified',
          personId: 'p-1',
          differences: [],
          checkedAt: at,
        },
      },
    ]);
  });

  it('is verified, with the difference kept, when the name was only typed without accents', () => {
    const [event] = given([]).when(recordCmd({ stated: { ...stated, fullName: 'LO VAN PAO' } }));
    expect(event.data).toMatchObject({
      result: 'verified',
      differences: [{ field: 'fullName', kind: 'accents-only' }],
    });
  });

  it('is mismatched, field by field, when a fact differs', () => {
    const [event] = given([]).when(recordCmd({ stated: { ...stated, dateOfBirth: '2003-02-01' } }));
    expect(event.data).toMatchObject({
      result: 'mismatched',
      personId: 'p-1',
      differences: [{ field: 'dateOfBirth', kind: 'day-month-swapped' }],
    });
  });

  it('is not found when the registry has nobody with that number', () => {
    const [event] = given([]).when(recordCmd({ registry: null }));
    expect(event.data).toMatchObject({ result: 'not-found', personId: null, differences: [] });
  });

  it('records nothing new when the same request comes again', () => {
    expect(given(recorded()).when(recordCmd({ registry: null }))).toEqual([]);
  });

  it('lets a police verifier override a mismatch, with the reason and who, and then stands verified', () => {
    const history = recorded({ stated: { ...stated, gender: 'female' } });
    const decided = given(history).when(reviewCmd());
    expect(decided).toEqual([
      {
        type: 'VerificationReviewed',
        data: {
          verificationId: 'v-1',
          outcome: 'overridden',
          reason: 'Giấy khai sinh gốc khớp với người đến tiêm',
          reviewer: policeOfficer,
          reviewedAt: at,
        },
      },
    ]);
    expect(stateOf([...history, ...decided])).toMatchObject({ result: 'mismatched', standing: 'verified' });
  });

  it('lets a police verifier confirm any result, leaving it as it stands', () => {
    const history = recorded({ registry: null });
    const decided = given(history).when(reviewCmd({ outcome: 'confirmed' }));
    expect(stateOf([...history, ...decided])).toMatchObject({
      standing: 'not-found',
      reviews: [expect.objectContaining({ outcome: 'confirmed' })],
    });
  });

  it('refuses a review by anyone but a police verifier', () => {
    expect(errorCode(() => given(recorded()).when(reviewCmd({ reviewer: siteStaff })))).toBe('not-a-police-verifier');
  });

  it('refuses a review without a real reason', () => {
    expect(errorCode(() => given(recorded()).when(reviewCmd({ reason: '  ok  ' })))).toBe('reason-required');
  });

  it('refuses to override a result that is not a mismatch', () => {
    expect(errorCode(() => given(recorded()).when(reviewCmd()))).toBe('nothing-to-override');
    expect(errorCode(() => given(recorded({ registry: null })).when(reviewCmd()))).toBe('nothing-to-override');
  });

  it('refuses to review a verification that does not exist', () => {
    expect(errorCode(() => given([]).when(reviewCmd()))).toBe('not-recorded');
  });
});
