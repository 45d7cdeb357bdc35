import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { SyntheticPerson } from '../../services/identity/src/adapters/local-registry/synthetic-population';
import { type Answer, citizenOf, soakClient, staff } from './soak-client';
import type { SoakOptions } from './soak-options';
import { type SoakPlatform, sleep } from './soak-platform';

export const SITE = 'LC-TD-01';
export const dayOf = (ms: number) => new Date(ms).toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
// A 1×1 JPEG: the photo of the paper certificate.
const PHOTO =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';

export type DoseOutcome = 'acknowledged' | 'refused' | 'unresolved';
export interface DoseEntry {
  doseId: string;
  personId: string;
  outcome: DoseOutcome;
  attempts: number;
  answeredAt: number;
  status: number | string;
}
export interface ComplaintEntry {
  complaintId: string;
  personId: string;
  stage: 'filing' | 'filed' | 'decided' | 'failed';
  note?: string;
}

/** What the load did and what it was told: the soak's own record, checked against the platform's afterwards. */
export class SoakLedger {
  readonly doses: DoseEntry[] = [];
  readonly complaints: ComplaintEntry[] = [];
  checks = { attempted: 0, verified: 0, failed: 0 };
  certificateReads = { attempted: 0, ok: 0, notYet: 0, unavailable: 0, other: 0 };
  acknowledged = () => this.doses.filter((d) => d.outcome === 'acknowledged');
}

/** The steady mixed load: desks (a check, then a dose), complaints through the workflow, certificate reads. */
export class SoakLoad {
  readonly ledger = new SoakLedger();
  private next = 0;
  private stopped = false;
  private readonly client: ReturnType<typeof soakClient>;

  constructor(
    private readonly platform: SoakPlatform,
    private readonly options: SoakOptions,
    private readonly people: SyntheticPerson[],
    private readonly log: (line: string) => void,
  ) {
    this.client = soakClient(platform);
  }

  /** Runs until `stop()`; resolves once every loop has finished what it had begun. */
  async run(): Promise<void> {
    const desks = Array.from({ length: this.options.desks }, () => this.desk());
    await Promise.all([...desks, this.complaintDesk(), this.certificateReader()]);
  }

  stop(): void {
    this.stopped = true;
  }

  private async desk(): Promise<void> {
    while (!this.stopped && this.next < this.people.length) {
      const began = Date.now();
      await this.checkAndDose(this.people[this.next++]);
      await sleep(Math.max(0, this.options.deskPauseMs - (Date.now() - began)));
    }
  }

  private async checkAndDose(person: SyntheticPerson): Promise<void> {
    const { call, persist } = this.client;
    this.ledger.checks.attempted += 1;
    const typed = { idNumber: person.idNumber, fullName: person.fullName, dateOfBirth: person.dateOfBirth };
    const requestId = randomUUID();
    const check = await persist(() => call('POST', 'identity', '/verifications', staff, { requestId, typed }));
    if (!isOk(check.last) || bodyOf(check.last).result !== 'verified') {
      this.ledger.checks.failed += 1;
      return;
    }
    this.ledger.checks.verified += 1;
    const dose = {
      doseId: randomUUID(),
      verificationId: bodyOf(check.last).verificationId,
      vaccineCode: 'AZD1222',
      lotNumber: 'ABV5811',
      administeredOn: dayOf(Date.now()),
      siteId: SITE,
    };
    // A check injections has not learnt yet (identity.events.v1 behind) is refused with
    // verificationId:known; the desk tries again, with the same dose id.
    const recorded = await persist(
      () => call('POST', 'injections', `/records/${person.personId}/doses`, staff, dose),
      180_000,
      (a) => a.status === 422 && JSON.stringify(a.body).includes('"known"'),
    );
    const { last } = recorded;
    // A definite refusal after an attempt that may have committed is still definite: the same dose
    // id again would have been answered with the first result.
    const outcome: DoseOutcome = isOk(last)
      ? 'acknowledged'
      : typeof last.status !== 'number' || last.status >= 500
        ? 'unresolved'
        : 'refused';
    this.ledger.doses.push({
      doseId: dose.doseId,
      personId: person.personId,
      outcome,
      attempts: recorded.attempts,
      answeredAt: Date.now(),
      status: last.status,
    });
  }

  /** A citizen of an acknowledged dose says its day is wrong; the site accepts and corrects it. */
  private async complaintDesk(): Promise<void> {
    const pool = new Pool({ connectionString: this.platform.databaseUrl('complaints'), max: 1 });
    pool.on('error', () => undefined);
    const taken = new Set<string>();
    try {
      while (!this.stopped) {
        await sleep(this.options.complaintPauseMs);
        const dose = this.ledger
          .acknowledged()
          .find((d) => !taken.has(d.personId) && Date.now() - d.answeredAt > 5_000);
        if (!dose || this.stopped) continue;
        taken.add(dose.personId);
        const person = this.people.find((p) => p.personId === dose.personId)!;
        const entry: ComplaintEntry = { complaintId: randomUUID(), personId: person.personId, stage: 'filing' };
        this.ledger.complaints.push(entry);
        await this.complain(entry, person, pool).catch((error: Error) => {
          entry.stage = 'failed';
          entry.note = error.message;
          this.log(`complaint ${entry.complaintId}: ${error.message}`);
        });
      }
    } finally {
      await pool.end();
    }
  }

  private async complain(entry: ComplaintEntry, person: SyntheticPerson, pool: Pool): Promise<void> {
    const { call, persist } = this.client;
    const citizen = citizenOf(person.personId);
    const rightDay = dayOf(Date.now() - 86_400_000);
    const must = (what: string, a: Answer) => {
      if (!isOk(a)) throw new Error(`${what} answered ${a.status}: ${JSON.stringify('body' in a ? a.body : a.error)}`);
      return a;
    };
    // A new code each attempt: the code read is the latest sent to this phone.
    const filed = await persist(
      async () => {
        must(
          'contact code',
          (
            await persist(() =>
              call('POST', 'complaints', '/complaints/contact-codes', citizen, { phone: person.phone }),
            )
          ).last,
        );
        const code = await latestCode(pool, person.phone!);
        const photo = must(
          'evidence',
          (await persist(() => call('POST', 'complaints', '/complaints/evidence', citizen, { contentBase64: PHOTO })))
            .last,
        );
        return call('POST', 'complaints', '/complaints', citizen, {
          complaintId: entry.complaintId,
          stated: {
            fullName: person.fullName,
            dateOfBirth: person.dateOfBirth,
            gender: person.gender,
            idNumber: person.idNumber,
          },
          contact: { phone: person.phone, address: person.address },
          contactCode: code,
          subject: {
            type: 'dose-details',
            doseNumber: 1,
            fields: ['administeredOn'],
            claimed: { administeredOn: rightDay },
            siteId: SITE,
          },
          description: 'Ngày tiêm mũi 1 trên hệ thống sai một ngày so với giấy xác nhận',
          evidenceIds: [bodyOf(photo).evidenceId],
        });
      },
      180_000,
      (a) => a.status === 422 && JSON.stringify(a.body).includes('contactCode'),
    );
    if (!isOk(filed.last) && filed.last.status !== 409) must('filing', filed.last);
    entry.stage = 'filed';
    await this.untilQueued(entry.complaintId);
    const decision = {
      decisionId: randomUUID(),
      kind: 'accept',
      correction: {
        action: 'correct-dose',
        doseNumber: 1,
        after: { vaccineCode: 'AZD1222', lotNumber: 'ABV5811', administeredOn: rightDay, siteId: SITE },
      },
      note: 'Đã đối chiếu sổ tiêm, sửa ngày tiêm',
    };
    // 409: the desk is not open yet (the workflow's task after the station was told); sent again.
    const decided = await persist(
      () => call('POST', 'complaints', `/complaints/${entry.complaintId}/decisions`, staff, decision),
      180_000,
      (a) => a.status === 409,
    );
    must('decision', decided.last);
    entry.stage = 'decided';
  }

  private async untilQueued(complaintId: string): Promise<void> {
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      const queue = await this.client.call('GET', 'complaints', '/queue', staff);
      if (isOk(queue) && JSON.stringify(bodyOf(queue)).includes(complaintId)) return;
      await sleep(1_000);
    }
    throw new Error('not in the site queue within 180 s');
  }

  private async certificateReader(): Promise<void> {
    while (!this.stopped) {
      await sleep(500);
      const acknowledged = this.ledger.acknowledged();
      if (acknowledged.length === 0) continue;
      const { personId } = acknowledged[Math.floor(Math.random() * acknowledged.length)];
      const reads = this.ledger.certificateReads;
      reads.attempted += 1;
      const res = await this.client.call('GET', 'certification', `/certificates/${personId}`, staff);
      if (isOk(res)) reads.ok += 1;
      else if (res.status === 404) reads.notYet += 1;
      else if (res.status === 503 || res.status === 'no-answer') reads.unavailable += 1;
      else reads.other += 1;
    }
  }
}

export const isOk = (a: Answer): boolean => typeof a.status === 'number' && a.status >= 200 && a.status < 300;
/** The body of an answer (empty when there was none). */
export const bodyOf = (a: Answer): Record<string, unknown> => ('body' in a ? a.body : {});

async function latestCode(pool: Pool, phone: string): Promise<string> {
  for (let i = 0; i < 40; i++) {
    try {
      const { rows } = await pool.query<{ body: string }>(
        `select body from development_notifications where recipient = $1 and template = 'complaint-contact-code'
         order by created_at desc limit 1`,
        [phone],
      );
      const code = rows[0] && /(\d{6})/.exec(rows[0].body)?.[1];
      if (code) return code;
    } catch {
      // the database may be away during a fault: the code is read again
    }
    await sleep(500);
  }
  return '000000';
}
