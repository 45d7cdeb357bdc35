import { immunizationRecordDecider as decider } from './immunization-record.decider';
import { brokenRules, staff } from './record.spec-fixtures';
import type { AbsorbDuplicate, MarkMergedInto, RecordEvent } from './record.messages';
import { deciderSpec } from '@vax/testing';

const { given, stateOf } = deciderSpec(decider);

const recorded = (personId: string, doseId: string, doseNumber: number, administeredOn: string): RecordEvent => ({
  type: 'DoseRecorded',
  data: {
    doseId,
    personId,
    doseNumber,
    vaccineCode: 'AZD1222',
    lotNumber: 'ABV5811',
    administeredOn,
    siteId: 'LC-TD-01',
    verificationId: `v-${doseId}`,
    recordedBy: 'staff-17',
  },
});
const reason = 'Cùng một người, hai số định danh (CMND và CCCD)';
const close = (over: Partial<MarkMergedInto> = {}): MarkMergedInto => ({
  type: 'MarkMergedInto',
  personId: 'P2',
  intoPersonId: 'P1',
  reason,
  mergedBy: staff,
  ...over,
});
// P1 has dose 2 only; P2 (the duplicate) has dose 1, and dose 2 entered again.
const survivor = [recorded('P1', 'a-2', 1, '2021-11-01')];
const duplicate = [recorded('P2', 'b-1', 1, '2021-10-01'), recorded('P2', 'b-2', 2, '2021-11-01')];
const closedDuplicate = [...duplicate, ...given(duplicate).when(close())];
const absorb = (over: Partial<AbsorbDuplicate> = {}): AbsorbDuplicate => ({
  type: 'AbsorbDuplicate',
  personId: 'P1',
  fromPersonId: 'P2',
  duplicate: stateOf(closedDuplicate),
  reason,
  mergedBy: staff,
  ...over,
});

describe('merging two records of one person', () => {
  it('closes the duplicate, pointing at the survivor; asking again changes nothing', () => {
    expect(closedDuplicate.at(-1)).toMatchObject({ type: 'RecordMergedInto', data: { intoPersonId: 'P1' } });
    expect(given(closedDuplicate).when(close())).toEqual([]);
  });

  it('a closed duplicate takes no more doses or corrections', () => {
    const closed = given(closedDuplicate);
    const rules = brokenRules(() =>
      closed.when({ type: 'VoidDose', personId: 'P2', doseNumber: 1, reason, voidedBy: staff }),
    );
    expect(rules).toEqual(['personId:notMerged']);
    expect(brokenRules(() => closed.when(close({ intoPersonId: 'P3' })))).toEqual(['duplicatePersonId:notMerged']);
  });

  it('the survivor takes the missing doses, keeps the same dose once, and numbers them in order', () => {
    const [absorbed] = given(survivor).when(absorb());
    expect(absorbed).toMatchObject({ type: 'DuplicateAbsorbed', data: { movedDoseIds: ['b-1'] } });
    const after = stateOf([...survivor, absorbed]);
    expect(after.doses.map((d) => [d.doseId, d.doseNumber])).toEqual([
      ['b-1', 1],
      ['a-2', 2],
    ]);
    expect(given([...survivor, absorbed]).when(absorb())).toEqual([]);
  });

  it('absorbs only a duplicate already closed into this record, and never itself', () => {
    expect(brokenRules(() => given(survivor).when(absorb({ duplicate: stateOf(duplicate) })))).toEqual([
      'duplicatePersonId:closedFirst',
    ]);
    expect(brokenRules(() => given(duplicate).when(close({ intoPersonId: 'P2' })))).toEqual([
      'duplicatePersonId:differentPerson',
    ]);
  });
});
