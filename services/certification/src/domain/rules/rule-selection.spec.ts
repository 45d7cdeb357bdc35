import type { BusinessRule } from './business-rule';
import { applicableRules, compareVersions } from './rule-selection';

const rule = (over: Partial<BusinessRule>): BusinessRule => ({
  identifier: 'VR-VN-0001',
  type: 'Acceptance',
  country: 'VN',
  version: '1.0.0',
  schemaVersion: '1.0.0',
  certificateType: 'Vaccination',
  description: [],
  validFrom: '2021-12-21T00:00:00Z',
  validTo: '2030-06-01T00:00:00Z',
  affectedFields: [],
  logic: true,
  ...over,
});
const ctx = { arrivalCountry: 'VN', issuerCountry: 'DE', type: 'v' as const, at: new Date('2022-03-15T08:00:00Z') };
const ids = (rules: BusinessRule[]) => rules.map((r) => `${r.country}/${r.identifier}@${r.version}`);

describe('which business rules apply', () => {
  it('acceptance rules of the arrival country, invalidation rules of the issuing country', () => {
    const rules = [
      rule({}),
      rule({ country: 'EU', identifier: 'VR-EU-0000' }),
      rule({ country: 'DE', identifier: 'VR-DE-0001' }),
      rule({ country: 'DE', identifier: 'IR-DE-0001', type: 'Invalidation' }),
      rule({ country: 'VN', identifier: 'IR-VN-0001', type: 'Invalidation' }),
    ];
    expect(ids(applicableRules(rules, ctx))).toEqual(['DE/IR-DE-0001@1.0.0', 'VN/VR-VN-0001@1.0.0']);
  });

  it('of the certificate’s type or General', () => {
    const rules = [
      rule({}),
      rule({ identifier: 'RR-VN-0001', certificateType: 'Recovery' }),
      rule({ identifier: 'GR-VN-0001', certificateType: 'General' }),
    ];
    expect(ids(applicableRules(rules, ctx))).toEqual(['VN/GR-VN-0001@1.0.0', 'VN/VR-VN-0001@1.0.0']);
    expect(ids(applicableRules(rules, { ...ctx, type: 'r' }))).toEqual(['VN/GR-VN-0001@1.0.0', 'VN/RR-VN-0001@1.0.0']);
  });

  it('in force at the clock, and the highest version of each (1.10.0 after 1.9.0)', () => {
    const rules = [
      rule({ version: '1.9.0' }),
      rule({ version: '1.10.0' }),
      rule({ version: '2.0.0', validFrom: '2023-01-01T00:00:00Z' }),
      rule({ identifier: 'VR-VN-0009', validTo: '2022-01-01T00:00:00Z' }),
    ];
    expect(ids(applicableRules(rules, ctx))).toEqual(['VN/VR-VN-0001@1.10.0']);
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
  });
});
