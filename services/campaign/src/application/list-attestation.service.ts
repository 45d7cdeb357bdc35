import { matchedListContent, sha256Hex } from '@vax/contracts';
import { type Actor, type EventStore, fold, handleCommand } from '@vax/event-sourcing';
import { v7 as uuidv7 } from 'uuid';
import {
  AttestationRefused,
  type ListAttested,
  listAttestationDecider,
} from '../domain/attestation/list-attestation.decider';
import type { SiteDirectory } from '../domain/legacy-row/reference-directories';
import type { ListSigner } from '@vax/platform';
import type { MatchedDoses } from './ports/matched-doses.port';

export const attestationStream = (campaignId: string, commune: string) =>
  `campaign-attestation-${campaignId}-${commune}`;

export type AttestationView = ListAttested['data'] & { signatureValid: boolean };

/** Site heads and commune chairmen sign the matched lists of their unit; anyone allowed can check a signature later. */
export class ListAttestationService {
  constructor(
    private readonly store: EventStore,
    private readonly matched: MatchedDoses,
    private readonly sites: SiteDirectory,
    private readonly signer: ListSigner,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async attest(campaignId: string, scope: 'site' | 'commune', unit: string, actor: Actor, correlationId: string) {
    const commune = this.communeOf(scope, unit);
    const stream = attestationStream(campaignId, commune);
    const before = fold(listAttestationDecider, (await this.store.readStream(stream)) as unknown as ListAttested[]);
    const siteIds =
      scope === 'site'
        ? [unit]
        : this.sites
            .all()
            .filter((s) => s.commune === unit)
            .map((s) => s.id);
    const entries = (await this.matched.unattested(campaignId, siteIds)).filter(
      (e) => !before.attestedDoseIds.has(e.doseId),
    );
    const now = this.clock();
    const attestationId = uuidv7();
    const signedAt = now.toISOString();
    const content = matchedListContent({
      attestationId,
      campaignId,
      scope,
      unit,
      entries,
      signedBy: actor.id,
      signerRole: actor.role,
      signedAt,
    });
    const { events } = await handleCommand(
      this.store,
      listAttestationDecider,
      stream,
      {
        type: 'AttestList',
        attestationId,
        campaignId,
        scope,
        unit,
        entries,
        contentSha256: sha256Hex(content),
        signature: this.signer.sign(content),
        keyId: this.signer.keyId,
        signer: actor,
        signedAt,
      },
      { correlationId, causationId: null, actor, occurredAt: now },
    );
    // The stream is the truth; the table mark feeds progress (and is repaired here if a crash left it behind).
    await this.matched.markAttested(
      attestationId,
      entries.map((e) => e.doseId),
    );
    return { ...events[0].data, signatureValid: true };
  }

  /** Every list signed in a commune for the campaign, each signature checked against its content now. */
  async ofCommune(campaignId: string, commune: string): Promise<AttestationView[]> {
    const events = (await this.store.readStream(attestationStream(campaignId, commune))) as unknown as ListAttested[];
    return events.map(({ data }) => {
      const content = matchedListContent(data);
      const signatureValid = sha256Hex(content) === data.contentSha256 && this.signer.verify(content, data.signature);
      return { ...data, signatureValid };
    });
  }

  communeOf(scope: 'site' | 'commune', unit: string): string {
    const commune =
      scope === 'site' ? this.sites.get(unit)?.commune : this.sites.all().find((s) => s.commune === unit)?.commune;
    if (!commune)
      throw new AttestationRefused([
        { field: 'unit', rule: 'known', message: `no ${scope} ${unit} in the site directory` },
      ]);
    return commune;
  }
}
