import { immunizationRecordDecider as decider } from './immunization-record.decider';
import type { ImportLegacyDose } from './legacy-dose.messages';
import { catalogue } from './record.spec-fixtures';
import { deciderSpec } from '@vax/testing';

const { given, history, stateOf } = deciderSpec(decider);

const campaign = { id: 'campaign:cmp-1', role: 'system', scope: 'province:LC' };
const listed = {
  personId: 'P1',
  vaccineCode: 'AZD1222',
  lotNumber: 'ABV5811',
  administeredOn: '2021-08-12',
  siteId: 'LC-TD-01',
  verificationId: 'cmp-1:imp-1:0',
};
const legacy = (over: Partial<ImportLegacyDose> = {}): ImportLegacyDose => ({
  type: 'ImportLegacyDose',
  doseId: 'legacy:cmp-1:imp-1:7',
  personId: 'P1',
  campaignId: 'cmp-1',
  verificationId: 'cmp-1:imp-1:0',
  vaccineCode: 'AZD1222',
  lotNumber: 'ABV5811',
  administeredOn: '2021-08-12',
  siteId: 'LC-TD-01',
  site: { id: 'LC-TD-01', active: false, openedOn: '2021-06-01' },
  catalogue,
  recordedBy: campaign,
  today: '2021-12-01',
  listed,
  ...over,
});
const after = history;

describe('importing a dose the campaign matched in bulk', () => {
  it('records it with the bulk check as its verification, at a site since closed, and answers the campaign', () => {
    expect(given().when(legacy())).toEqual([
      {
        type: 'DoseRecorded',
        data: {
          doseId: 'legacy:cmp-1:imp-1:7',
          personId: 'P1',
          doseNumber: 1,
          vaccineCode: 'AZD1222',
          lotNumber: 'ABV5811',
          administeredOn: '2021-08-12',
          siteId: 'LC-TD-01',
          verificationId: 'cmp-1:imp-1:0',
          recordedBy: 'campaign:cmp-1',
        },
      },
      {
        type: 'LegacyDoseImported',
        data: {
          doseId: 'legacy:cmp-1:imp-1:7',
          personId: 'P1',
          campaignId: 'cmp-1',
          outcome: 'recorded',
          doseNumber: 1,
          listed, // what a list the campaign signs covers
        },
      },
    ]);
  });

  it('records a dose id once, whatever it was answered', () => {
    const events = after(legacy());
    expect(given(events).when(legacy())).toEqual([]);
    const refused = after(legacy({ vaccineCode: 'COVAXIN' }));
    expect(given(refused).when(legacy({ vaccineCode: 'COVAXIN' }))).toEqual([]);
  });

  it('acknowledges the same injection already on the record instead of adding it twice', () => {
    const events = after(legacy({ doseId: 'd-desk' }));
    expect(given(events).when(legacy())).toEqual([
      {
        type: 'LegacyDoseImported',
        data: {
          doseId: 'legacy:cmp-1:imp-1:7',
          personId: 'P1',
          campaignId: 'cmp-1',
          outcome: 'already-on-record',
          doseNumber: 1,
          existingDoseId: 'd-desk',
          listed,
        },
      },
    ]);
  });

  it('numbers old doses in the order given, and refuses one older than the record’s last', () => {
    const events = after(legacy(), legacy({ doseId: 'second', administeredOn: '2021-09-20' }));
    expect(stateOf(events).doses.map((d) => [d.doseId, d.doseNumber])).toEqual([
      ['legacy:cmp-1:imp-1:7', 1],
      ['second', 2],
    ]);
    const [refusal] = given(events).when(legacy({ doseId: 'early', administeredOn: '2021-07-01' }));
    expect(refusal).toMatchObject({
      type: 'LegacyDoseRefused',
      data: { problems: [expect.objectContaining({ field: 'administeredOn', rule: 'afterLastDose' })] },
    });
  });

  it('refuses what the facts do not allow, listing every broken rule', () => {
    const [refusal] = given().when(
      legacy({
        vaccineCode: 'COVAXIN',
        lotNumber: ' ',
        administeredOn: '2021-05-01',
        site: { id: 'LC-TD-01', active: true, openedOn: '2021-06-01' },
      }),
    );
    expect(refusal.type).toBe('LegacyDoseRefused');
    const rules = (refusal.data as { problems: { field: string; rule: string }[] }).problems.map(
      (p) => `${p.field}:${p.rule}`,
    );
    expect(rules).toEqual(['vaccineCode:inCatalogue', 'lotNumber:required', 'administeredOn:afterSiteOpened']);
    const [unknownSite] = given().when(legacy({ site: undefined, siteId: 'LC-XX-99' }));
    expect(unknownSite).toMatchObject({
      type: 'LegacyDoseRefused',
      data: { problems: [expect.objectContaining({ rule: 'known' })] },
    });
  });
});
