import { InMemoryEventStore } from '@vax/event-sourcing';
import { JsonSiteDirectory } from '../adapters/reference/json-site-directory';
import { loadSlaDeadlines } from '../adapters/reference/sla-reference';
import { ComplaintCommandService } from '../application/complaint.command-service';
import { CertificateNotYetReissued, type CertificatesPort } from '../application/ports/certificates.port';
import type { IdentityCheckResult, IdentityRegistryPort } from '../application/ports/identity-registry.port';
import type { CorrectionRequest, InjectionsPort } from '../application/ports/injections.port';
import type { NotificationPort, OutgoingNotification } from '../application/ports/notifications.port';
import type { FileComplaint } from '../domain/complaint.commands';
import type { SlaPolicyDocument } from '../domain/sla/sla-policy';
import type { LifecycleDependencies } from './lifecycle-dependencies';

// Fakes of the lifecycle's ports, for activity specs and workflow tests on the time-skipping server.

export class FakeIdentityRegistry implements IdentityRegistryPort {
  answer: IdentityCheckResult = { result: 'verified', verificationId: 'v-1', personId: 'p-1', differingFields: [] };
  readonly keys: string[] = [];
  async check(request: { key: string }): Promise<IdentityCheckResult> {
    this.keys.push(request.key);
    return this.answer;
  }
}

/** Keeps the commands sent; the test answers them with the signals injections' events would give. */
export class FakeInjections implements InjectionsPort {
  readonly requests: CorrectionRequest[] = [];
  async requestCorrection(request: CorrectionRequest): Promise<void> {
    if (!this.requests.some((r) => r.commandId === request.commandId)) this.requests.push(request);
  }
}

export class FakeCertificates implements CertificatesPort {
  /** How many more times to answer "not yet" before the certificate is there. */
  notYet = 0;
  certificateId = 'URN:UVCI:01:VN:12/C0FFEE#Q';
  async reissuedSince(request: { personId: string }) {
    if (this.notYet > 0) {
      this.notYet -= 1;
      throw new CertificateNotYetReissued(request.personId);
    }
    return { certificateId: this.certificateId };
  }
}

/** Keeps what was sent, once per key, as every real adapter must. */
export class RecordingNotifications implements NotificationPort {
  readonly sent: OutgoingNotification[] = [];
  async send(notification: OutgoingNotification): Promise<void> {
    if (!this.sent.some((n) => n.key === notification.key)) this.sent.push(notification);
  }
  templates(): string[] {
    return this.sent.map((n) => n.template);
  }
}

/** A short SLA for tests: 4 working hours at the first level, 8 above, reminders 1 hour before. */
export const TEST_POLICY: SlaPolicyDocument = {
  national: {
    default: { amount: 8, unit: 'working-hours' },
    rules: [
      { level: 'site', within: { amount: 4, unit: 'working-hours' } },
      { level: 'commune-station', within: { amount: 4, unit: 'working-hours' } },
      { level: 'registry', within: { amount: 4, unit: 'working-hours' } },
    ],
    reminderBefore: { amount: 1, unit: 'working-hours' },
    citizenReplyWithin: { amount: 2, unit: 'working-days' },
    appealWithin: { amount: 7, unit: 'calendar-days' },
  },
  provinces: {},
};

export function lifecycleTestbed(policy: SlaPolicyDocument = TEST_POLICY) {
  const store = new InMemoryEventStore();
  const complaints = new ComplaintCommandService(store);
  const fakes = {
    identity: new FakeIdentityRegistry(),
    injections: new FakeInjections(),
    certificates: new FakeCertificates(),
    notifications: new RecordingNotifications(),
  };
  const deps: LifecycleDependencies = {
    complaints,
    deadlines: loadSlaDeadlines('12', { policy }),
    sites: JsonSiteDirectory.fromReferenceFile(),
    ...fakes,
  };
  return { store, complaints, deps, ...fakes };
}

export const citizen = { id: 'citizen-1', role: 'citizen', scope: 'person:citizen-1' };
/** Staff of the commune health station of Bình Lư (LC-TD-01), which gave the dose complained about. */
export const stationStaff = { id: 'staff-17', role: 'site-staff', scope: 'site:LC-TD-01' };
export const districtStaff = { id: 'staff-td', role: 'manager', scope: 'district:Tam Đường' };

export function fileCommand(complaintId: string, at: string, over: Partial<FileComplaint> = {}): FileComplaint {
  return {
    type: 'FileComplaint',
    complaintId,
    citizen,
    stated: { fullName: 'Lò Thị Mai', dateOfBirth: '1990-04-02', gender: 'female', idNumber: '012190004567' },
    contact: { phone: '0912345678', address: 'Bản Nà Khuy, xã Bình Lư, Tam Đường' },
    contactConfirmed: true,
    subject: {
      type: 'dose-details',
      doseNumber: 2,
      fields: ['lotNumber'],
      claimed: { lotNumber: 'ABV5811' },
      siteId: 'LC-TD-01',
    },
    description: 'Số lô mũi 2 sai',
    evidence: [{ evidenceId: 'ev-1', mediaType: 'image/jpeg', sizeBytes: 700_000, sha256: 'a'.repeat(64) }],
    at,
    ...over,
  };
}

export const correctLot = {
  action: 'correct-dose' as const,
  doseNumber: 2,
  after: { vaccineCode: 'AZD1222', lotNumber: 'ABV5811', administeredOn: '2021-10-01', siteId: 'LC-TD-01' },
};
