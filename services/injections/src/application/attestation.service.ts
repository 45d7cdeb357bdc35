import { type Actor, type EventStore, handleCommand } from '@vax/event-sourcing';
import { vietnamToday } from '@vax/platform';
import { v7 as uuidv7 } from 'uuid';
import { MAX_DOSES_PER_LIST, attestationDecider } from '../domain/attestation/attestation.decider';
import type { DayAttested } from '../domain/attestation/attestation.messages';
import type { ReferenceData } from '../reference/reference-data';
import type { DoseRegisterReads } from './ports/dose-register.port';
import { canonicalContent, sha256Hex } from './attestation-content';
import type { ListSigner } from '@vax/platform';

export const attestationStream = (siteId: string, day: string) => `attestation-${siteId}-${day}`;

export type AttestationView = DayAttested['data'] & { signatureValid: boolean };

/** Site heads and commune chairmen sign a day's verified list; anyone allowed can check the signature later. */
export class AttestationService {
  constructor(
    private readonly store: EventStore,
    private readonly register: DoseRegisterReads,
    private readonly reference: ReferenceData,
    private readonly signer: ListSigner,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async attest(siteId: string, day: string, actor: Actor, correlationId: string): Promise<AttestationView> {
    const now = this.clock();
    const attestationId = uuidv7();
    const signedAt = now.toISOString();
    const entries = await this.register.unattestedOfDay(siteId, day, MAX_DOSES_PER_LIST);
    const content = canonicalContent({
      attestationId,
      siteId,
      day,
      entries,
      signedBy: actor.id,
      signerRole: actor.role,
      signedAt,
    });
    const site = this.reference.sites.get(siteId);
    const { events } = await handleCommand(
      this.store,
      attestationDecider,
      attestationStream(siteId, day),
      {
        type: 'AttestDay',
        attestationId,
        siteId,
        day,
        site: site && { id: site.id, commune: site.commune },
        entries,
        contentSha256: sha256Hex(content),
        signature: this.signer.sign(content),
        keyId: this.signer.keyId,
        signer: actor,
        signedAt,
        today: vietnamToday(now),
      },
      { correlationId, causationId: null, actor, occurredAt: now },
    );
    return { ...events[0].data, signatureValid: true };
  }

  /** Lists carry person ids: only that site's people, its commune's chairman and managers read them. */
  maySee(actor: Actor, siteId: string): boolean {
    const site = this.reference.sites.get(siteId);
    if (actor.role === 'manager') return true;
    if (actor.role === 'commune-chairman') return !!site && actor.scope === `commune:${site.commune}`;
    return actor.scope === `site:${siteId}`;
  }

  /** Every list signed for a site and day, each with its signature checked against its content now. */
  async ofDay(siteId: string, day: string): Promise<AttestationView[]> {
    const events = (await this.store.readStream(attestationStream(siteId, day))) as unknown as DayAttested[];
    return events.map(({ data }) => {
      const content = canonicalContent(data);
      const signatureValid = sha256Hex(content) === data.contentSha256 && this.signer.verify(content, data.signature);
      return { ...data, signatureValid };
    });
  }

  /** The attestation covering each of a person's doses, where one does (read model). */
  coveringDoses(personId: string): Promise<Map<string, string>> {
    return this.register.coveringDoses(personId);
  }
}
