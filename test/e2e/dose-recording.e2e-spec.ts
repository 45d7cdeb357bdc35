import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { CallerActor } from '@vax/platform';
import { REPO_ROOT, eventually } from '@vax/testing';
import { loadPopulationReference } from '../../services/identity/src/reference/population-reference';
import { syntheticPopulation } from '../../services/identity/src/adapters/local-registry/synthetic-population';
import { PlatformUnderTest } from './platform-processes';

const people = [...syntheticPopulation(loadPopulationReference(), { size: 500, seed: 42 })];
/** The bodies these APIs answer with, as far as the tests read them. */
interface Answer {
  verificationId: string;
  result?: string;
  outcome?: string;
  dose?: { doseNumber: number };
  errors?: { field: string; rule: string }[];
}

const daysAgo = (n: number) =>
  new Date(Date.now() - n * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

describe('recording doses on verified identities (identity and injections as processes, real Kafka and PostgreSQL)', () => {
  const platform = new PlatformUnderTest('kafka', 4400, ['identity', 'injections']);
  platform.beforeStart = async (p) => {
    const cli = join(REPO_ROOT, 'dist/services/identity/src/adapters/cli/population.cli.js');
    execFileSync(
      process.execPath,
      [cli, 'load', '--size', '500', '--seed', '42', '--database', p.databaseUrl('identity')],
      { stdio: 'pipe' },
    );
  };
  const token = (id = 'staff-17', site = 'LC-TD-01'): CallerActor => ({
    id,
    role: 'site-staff',
    scope: `site:${site}`,
  });
  const post = async (service: 'identity' | 'injections', path: string, body: unknown, actorToken = token()) => {
    const res = await fetch(platform.service(service).url(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await platform.actorHeaders(actorToken, service)) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Answer };
  };
  const verify = async (p: (typeof people)[number], over: object = {}) =>
    (
      await post('identity', '/verifications', {
        typed: { idNumber: p.idNumber, fullName: p.fullName, dateOfBirth: p.dateOfBirth, ...over },
      })
    ).body;
  const dose = (verificationId: string, over: object = {}) => ({
    doseId: randomUUID(),
    verificationId,
    vaccineCode: 'AZD1222',
    lotNumber: 'ABV5811',
    administeredOn: daysAgo(0),
    siteId: 'LC-TD-01',
    ...over,
  });
  /** The verification reaches injections through Kafka: until then the dose is refused as unknown. */
  // A new consumer group first reads what identity.events.v1 still holds, so allow it time to catch up.
  const recordWhenKnown = (personId: string, body: object, actorToken = token()) =>
    eventually(
      async () => {
        const res = await post('injections', `/records/${personId}/doses`, body, actorToken);
        if (res.status === 422 && res.body.errors?.[0]?.rule === 'known')
          throw new Error('verification not received yet');
        return res;
      },
      { attempts: 600, intervalMs: 200 },
    );

  const startedAt = new Date();
  beforeAll(() => platform.start(), 300_000);
  afterAll(() => platform.kill());

  it('records dose 1 on a verified identity and returns the first result for a duplicate submission', async () => {
    const person = people[1];
    const v = await verify(person);
    const first = dose(v.verificationId, { administeredOn: daysAgo(60) });
    const recorded = await recordWhenKnown(person.personId, first);
    expect(recorded).toMatchObject({
      status: 201,
      body: { outcome: 'recorded', dose: { doseNumber: 1, vaccineCode: 'AZD1222' } },
    });
    const again = await post('injections', `/records/${person.personId}/doses`, first);
    expect(again).toMatchObject({ status: 200, body: { outcome: 'already-recorded', dose: { doseNumber: 1 } } });
  }, 180_000);

  it('lets only one of two staff recording at once create dose 2', async () => {
    const person = people[1];
    const v = await verify(person);
    await recordWhenKnown(
      person.personId,
      dose(v.verificationId, { administeredOn: daysAgo(0), doseId: randomUUID(), lotNumber: '' }),
    ).catch(() => undefined);
    const [a, b] = await Promise.all([
      post('injections', `/records/${person.personId}/doses`, dose(v.verificationId)),
      post('injections', `/records/${person.personId}/doses`, dose(v.verificationId), token('staff-18')),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([201, 422]);
    const loser = a.status === 422 ? a : b;
    expect(loser.body.errors).toEqual([expect.objectContaining({ field: 'administeredOn', rule: 'minInterval' })]);
    const history = await fetch(platform.service('injections').url(`/records/${person.personId}`), {
      headers: await platform.actorHeaders(token(), 'injections'),
    });
    expect(((await history.json()) as { doses: { doseNumber: number }[] }).doses.map((d) => d.doseNumber)).toEqual([
      1, 2,
    ]);
  }, 60_000);

  it('blocks a dose on a mismatched identity, and a dose recorded by staff of another site, naming why', async () => {
    const person = people[2];
    const mismatched = await verify(person, { fullName: `${person.fullName}h` }); // a typo: mismatched on the name
    expect(mismatched.result).toBe('mismatched');
    const blocked = await recordWhenKnown(person.personId, dose(mismatched.verificationId));
    expect(blocked).toMatchObject({ status: 422, body: { errors: [{ field: 'verificationId', rule: 'positive' }] } });
    const v = await verify(person);
    const elsewhere = await recordWhenKnown(person.personId, dose(v.verificationId), token('staff-9', 'LC-PT-01'));
    expect(elsewhere).toMatchObject({ status: 422, body: { errors: [{ field: 'siteId', rule: 'staffOfSite' }] } });
  }, 60_000);

  it("syncs a mobile site's offline doses: each accepted, already present or rejected, none lost", async () => {
    const [p3, p4] = [people[3], people[4]];
    const [v3, v4] = [await verify(p3), await verify(p4)];
    const d3 = dose(v3.verificationId);
    await recordWhenKnown(p3.personId, d3);
    await eventually(async () => {
      const res = await post(
        'injections',
        `/records/${p4.personId}/doses`,
        dose(v4.verificationId, { vaccineCode: 'NOPE' }),
      );
      if (res.body.errors?.[0]?.rule === 'known') throw new Error('not received yet');
    });
    const synced = await post('injections', '/sync/doses', {
      doses: [
        { personId: p3.personId, ...d3 },
        { personId: p4.personId, ...dose(v4.verificationId, { vaccineCode: 'COVAXIN' }) },
        { personId: p4.personId, ...dose(v4.verificationId) },
      ],
    });
    expect(synced).toMatchObject({
      status: 201,
      body: {
        results: [
          { result: 'already-present', doseNumber: 1 },
          { result: 'rejected', problems: [{ field: 'vaccineCode', rule: 'inCatalogue' }] },
          { result: 'accepted', doseNumber: 1 },
        ],
      },
    });
  }, 60_000);

  it('counts every recorded dose in the statistics read model, by site, day or dose number, as JSON or CSV', async () => {
    const get = async (query: string) =>
      fetch(platform.service('injections').url(`/statistics/doses?${query}`), {
        headers: await platform.actorHeaders({ id: 'm-1', role: 'manager', scope: 'province:LC' }, 'injections'),
      });
    const range = `from=${daysAgo(90)}&to=${daysAgo(0)}`;
    const byDose = await eventually(async () => {
      const body = (await (await get(`groupBy=doseNumber&${range}`)).json()) as {
        rows: { key: string; doses: number }[];
      };
      if (body.rows.reduce((n, r) => n + r.doses, 0) < 4) throw new Error('projection not caught up yet');
      return body.rows;
    });
    expect(byDose).toEqual([
      { key: '1', doses: 3 },
      { key: '2', doses: 1 },
    ]);
    const csv = await get(`groupBy=district&${range}&format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toBe('district,doses\r\nTam Đường,4\r\n');
    const bad = await get(`groupBy=province&${range}`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Answer).errors).toEqual([
      expect.objectContaining({ field: 'groupBy', rule: 'isIn' }),
    ]);
  }, 60_000);

  it("shows a person's record as it stood at an earlier instant", async () => {
    const person = people[1];
    const read = async (query = '') =>
      (
        (await (
          await fetch(platform.service('injections').url(`/records/${person.personId}${query}`), {
            headers: await platform.actorHeaders(token(), 'injections'),
          })
        ).json()) as { doses: { doseNumber: number }[] }
      ).doses;
    expect((await read()).map((d) => d.doseNumber)).toEqual([1, 2]);
    expect(await read(`?asOf=${encodeURIComponent(startedAt.toISOString())}`)).toEqual([]);
  });

  it('corrects and voids doses with a reason, keeps them on record, and records a recovered patient', async () => {
    const person = people[5];
    const v = await verify(person);
    await recordWhenKnown(
      person.personId,
      dose(v.verificationId, { administeredOn: daysAgo(40), lotNumber: 'ABV0001' }),
    );
    const correction = {
      vaccineCode: 'AZD1222',
      lotNumber: 'ABV0002',
      administeredOn: daysAgo(40),
      siteId: 'LC-TD-01',
    };
    const noReason = await post('injections', `/records/${person.personId}/doses/1/corrections`, {
      ...correction,
      reason: 'sai',
    });
    expect(noReason).toMatchObject({ status: 422, body: { errors: [{ field: 'reason', rule: 'minLength' }] } });
    const corrected = await post('injections', `/records/${person.personId}/doses/1/corrections`, {
      ...correction,
      reason: 'Số lô ghi nhầm so với phiếu tiêm',
      complaintId: 'c-e2e-1',
    });
    expect(corrected).toMatchObject({
      status: 201,
      body: { doses: [{ doseNumber: 1, lotNumber: 'ABV0002', voided: false }] },
    });
    const voided = await post('injections', `/records/${person.personId}/doses/1/voids`, {
      reason: 'Nhập nhầm người, không tiêm mũi này',
    });
    expect(voided).toMatchObject({ status: 201, body: { doses: [{ doseNumber: 1, voided: true }] } });
    const recovery = await post('injections', `/records/${person.personId}/recoveries`, {
      positiveTestOn: daysAgo(30),
      recoveredOn: daysAgo(16),
      evidenceReference: 'GRV-123/TYT-BL',
      stationId: 'LC-TD-01',
    });
    expect(recovery).toMatchObject({ status: 201, body: { recoveries: [{ recoveredOn: daysAgo(16) }] } });
    const notAStation = await post(
      'injections',
      `/records/${person.personId}/recoveries`,
      {
        positiveTestOn: daysAgo(30),
        recoveredOn: daysAgo(16),
        evidenceReference: 'X',
        stationId: 'LC-TD-02',
      },
      token('staff-3', 'LC-TD-02'),
    );
    expect(notAStation).toMatchObject({
      status: 422,
      body: { errors: [{ field: 'stationId', rule: 'communeStation' }] },
    });
  }, 180_000);

  it('refuses days that do not exist, ranges that run backwards and out-of-range instants, naming each', async () => {
    const get = async (path: string, actor: CallerActor) => {
      const res = await fetch(platform.service('injections').url(path), {
        headers: await platform.actorHeaders(actor, 'injections'),
      });
      return { status: res.status, errors: ((await res.json()) as Answer).errors };
    };
    const manager: CallerActor = { id: 'm-1', role: 'manager', scope: 'province:LC' };
    const head: CallerActor = { id: 'head-1', role: 'site-head', scope: 'site:LC-TD-01' };
    const refused = (field: string, rule: string) => ({
      status: 400,
      errors: [expect.objectContaining({ field, rule })],
    });
    expect(await get('/statistics/doses?groupBy=day&from=2021-02-30&to=2021-03-31', manager)).toEqual(
      refused('from', 'isCalendarDate'),
    );
    expect(await get('/statistics/doses?groupBy=day&from=2021-11-30&to=2021-11-01', manager)).toEqual(
      refused('to', 'dateRangeOrdered'),
    );
    for (const asOf of ['2021-02-30T00:00:00Z', '-271821-04-20T00:00:00Z', '2021-11-05'])
      expect(await get(`/records/${people[1].personId}?asOf=${encodeURIComponent(asOf)}`, token())).toEqual(
        refused('asOf', 'isInstant'),
      );
    expect(await get('/attestations?siteId=LC-TD-01&day=2021-02-30', head)).toEqual(refused('day', 'isCalendarDate'));
  });

  it('refuses NUL, control characters and deep nesting in any text before anything is stored', async () => {
    const nul = await post('identity', '/verifications', {
      typed: { idNumber: people[0].idNumber, fullName: 'Lò\u0000', dateOfBirth: people[0].dateOfBirth },
    });
    expect(nul).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'typed.fullName', rule: 'controlCharacter' }] },
    });
    const qr = await post('identity', '/verifications', { qr: `${people[0].idNumber}||\u0000` });
    expect(qr).toMatchObject({ status: 400, body: { errors: [{ field: 'qr', rule: 'controlCharacter' }] } });
    const police: CallerActor = { id: 'police-1', role: 'police-verifier', scope: 'province:LC' };
    const review = { outcome: 'overridden', reason: 'Đã đối chiếu\u0000' };
    expect(await post('identity', `/verifications/${randomUUID()}/reviews`, review, police)).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'reason', rule: 'controlCharacter' }] },
    });
    const deep = await fetch(platform.service('identity').url('/verifications'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await platform.actorHeaders(token(), 'identity')) },
      body: `{"typed":${'['.repeat(50_000)}${']'.repeat(50_000)}}`, // as deep as the 100 KiB body limit lets in
    });
    expect(deep.status).toBe(400);
    expect(((await deep.json()) as Answer).errors).toEqual([expect.objectContaining({ rule: 'maxDepth' })]);
  });

  it('answers bad input with 400s naming the field', async () => {
    const bad = await post('injections', '/records/P1/doses', {
      doseId: 'x',
      vaccineCode: 'az',
      administeredOn: '5/11/2021',
    });
    expect(bad.status).toBe(400);
    expect([...new Set((bad.body.errors ?? []).map((e: { field: string }) => e.field))].sort()).toEqual([
      'administeredOn',
      'doseId',
      'lotNumber',
      'siteId',
      'vaccineCode',
      'verificationId',
    ]);
  });

  it('lets staff read a person only after verifying them at their site, a manager only their district, and shows the citizen who read', async () => {
    const person = people[1]; // verified and given doses at LC-TD-01 by staff-17 above
    const read = async (actor: CallerActor, path = `/records/${person.personId}`) => {
      const res = await fetch(platform.service('injections').url(path), {
        headers: await platform.actorHeaders(actor, 'injections'),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const otherSite: CallerActor = { id: 'tyt.other', role: 'site-staff', scope: 'site:LC-TD-02' };
    expect((await read(otherSite)).status).toBe(403); // never seen at that site
    const own = await eventually(async () => {
      const res = await read(token());
      if (res.status !== 200) throw new Error(`the verification has not reached injections yet (${res.status})`);
      return res;
    });
    expect(own.body).toMatchObject({ personId: person.personId });
    const elsewhere = 'Ba Đình'; // a district that cannot be the person's residence
    const otherDistrict: CallerActor = { id: 'm-other', role: 'manager', scope: `district:${elsewhere}` };
    expect((await read(otherDistrict)).status).toBe(403);
    const coverage = await read(otherDistrict, '/statistics/verification-share?groupBy=district');
    expect((coverage.body.rows as { key: string }[]).every((r) => r.key === elsewhere)).toBe(true);
    const citizen: CallerActor = { id: person.personId, role: 'citizen', scope: `person:${person.personId}` };
    const reads = await read(citizen, `/records/${person.personId}/reads`);
    expect(reads.status).toBe(200);
    expect(reads.body.reads).toContainEqual(
      expect.objectContaining({
        readerId: 'staff-17',
        readerRole: 'site-staff',
        readerUnit: 'site:LC-TD-01',
        what: 'record',
        ground: expect.stringMatching(/^verification:/),
      }),
    );
    expect(JSON.stringify(reads.body.reads)).not.toContain('tyt.other'); // refused reads show nothing
    const stranger: CallerActor = { id: people[2].personId, role: 'citizen', scope: `person:${people[2].personId}` };
    expect((await read(stranger, `/records/${person.personId}/reads`)).status).toBe(403);
  }, 120_000);
});
