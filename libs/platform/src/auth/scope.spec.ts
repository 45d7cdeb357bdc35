import { type PersonResource, figuresWithin, may, siteIsWithin } from './scope';

const person = (over: Partial<PersonResource> = {}): PersonResource => ({
  kind: 'person',
  personId: 'P000000001',
  freshVerifications: [],
  heldComplaints: [],
  district: 'Phong Thổ',
  ...over,
});
const binhLuStaff = { id: 'tyt.binhlu', role: 'site-staff', scope: 'site:LC-TD-02' };

describe('who may read a person', () => {
  it('a citizen reads only themselves', () => {
    expect(may({ id: 'P000000001', role: 'citizen', scope: 'person:P000000001' }, 'read', person())).toEqual({
      allowed: true,
      ground: 'self',
    });
    expect(may({ id: 'P000000002', role: 'citizen', scope: 'person:P000000002' }, 'read', person()).allowed).toBe(
      false,
    );
  });

  it('site staff read a person never seen at their site: no', () => {
    expect(may(binhLuStaff, 'read', person()).allowed).toBe(false);
    const verifiedElsewhere = person({ freshVerifications: [{ verificationId: 'v-9', unit: 'site:LC-PT-01' }] });
    expect(may(binhLuStaff, 'read', verifiedElsewhere).allowed).toBe(false);
  });

  it('site staff read a person they have just verified at their site, or whose complaint their unit holds', () => {
    const verified = person({ freshVerifications: [{ verificationId: 'v-1', unit: 'site:LC-TD-02' }] });
    expect(may(binhLuStaff, 'read', verified)).toEqual({ allowed: true, ground: 'verification:v-1' });
    const held = person({ heldComplaints: [{ complaintId: 'c-1', unit: 'site:LC-TD-02' }] });
    expect(may(binhLuStaff, 'read', held)).toEqual({ allowed: true, ground: 'complaint:c-1' });
  });

  it("a district manager reads their district's people, the province's manager everyone", () => {
    const tamDuong = { id: 'm-td', role: 'manager', scope: 'district:Tam Đường' };
    expect(may(tamDuong, 'read', person()).allowed).toBe(false);
    expect(may(tamDuong, 'read', person({ district: 'Tam Đường' })).allowed).toBe(true);
    expect(may({ id: 'm', role: 'manager', scope: 'province:LC' }, 'read', person()).allowed).toBe(true);
  });

  it('a service reads as itself; a police verifier or an unknown role reads no record', () => {
    expect(may({ id: 'portal', role: 'system', scope: 'province' }, 'read', person()).allowed).toBe(false);
    expect(may({ id: 'complaints-worker', role: 'system', scope: 'system' }, 'read', person()).allowed).toBe(true);
    expect(may({ id: 'cs-1', role: 'police-verifier', scope: 'commune:Bình Lư' }, 'read', person()).allowed).toBe(
      false,
    );
  });
});

describe('which figures an actor reads', () => {
  it('the province all, a district its own, a site its own, a citizen none', () => {
    expect(figuresWithin({ id: 'm', role: 'manager', scope: 'province:LC' })).toEqual({});
    expect(figuresWithin({ id: 'm', role: 'manager', scope: 'district:Tam Đường' })).toEqual({
      district: 'Tam Đường',
    });
    expect(figuresWithin(binhLuStaff)).toEqual({ siteId: 'LC-TD-02' });
    expect(figuresWithin({ id: 'P1', role: 'citizen', scope: 'person:P1' })).toBeUndefined();
  });

  it('a site lies within a district or site restriction only when it matches', () => {
    const site = { siteId: 'LC-PT-01', district: 'Phong Thổ' };
    expect(siteIsWithin({}, site)).toBe(true);
    expect(siteIsWithin({ district: 'Tam Đường' }, site)).toBe(false);
    expect(siteIsWithin({ siteId: 'LC-PT-01' }, site)).toBe(true);
  });
});
