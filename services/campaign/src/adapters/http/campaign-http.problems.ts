import { HttpStatus } from '@nestjs/common';
import { type CallerActor, ProblemException, type Refusal, figuresWithin, siteIsWithin } from '@vax/platform';
import { CampaignRefused } from '../../application/campaign.service';
import { AttestationRefused } from '../../domain/attestation/list-attestation.decider';
import { MergeDecisionRefused } from '../../domain/duplicates/merge-decision';
import { WorklistRefused } from '../../domain/worklists/worklist-item';

/** The campaign's refusals, answered by the rule broken: 403 for someone else's rows, 404 for unknown ones, else 422. */
export function campaignRefusal(error: unknown): Refusal | undefined {
  const errors =
    error instanceof AttestationRefused
      ? error.problems
      : error instanceof CampaignRefused || error instanceof WorklistRefused || error instanceof MergeDecisionRefused
        ? [{ field: error.field, rule: error.rule, message: error.message }]
        : undefined;
  if (!errors) return undefined;
  const detail = (error as Error).message;
  if (errors.some((p) => p.rule === 'ownSite' || p.rule === 'responsiblePerson'))
    return { status: HttpStatus.FORBIDDEN, slug: 'forbidden', title: 'Not allowed', detail, errors };
  if (errors.some((p) => p.rule === 'known'))
    return { status: HttpStatus.NOT_FOUND, slug: 'not-found', title: 'Not found', detail, errors };
  const title = 'The request cannot be carried out';
  return { status: HttpStatus.UNPROCESSABLE_ENTITY, slug: 'campaign-refused', title, detail, errors };
}

export const notFound = (what: string) =>
  new ProblemException(HttpStatus.NOT_FOUND, 'not-found', 'Not found', `no ${what}`);

/** Site staff see their own site's rows; managers any (their scope is checked where rows are counted). */
/**
 * A site's worklist and proposals are for its own staff and head, its district's managers and the
 * province's (libs/platform's figuresWithin); the whole campaign's, for the province's managers only.
 */
export function checkSiteAccess(
  actor: CallerActor,
  siteId: string | null,
  districtOf: (siteId: string) => string | null,
): void {
  const within = figuresWithin(actor);
  const allowed =
    within !== undefined &&
    (siteId === null
      ? within.district === undefined && within.siteId === undefined
      : siteIsWithin(within, { siteId, district: districtOf(siteId) }));
  if (allowed) return;
  throw new ProblemException(
    HttpStatus.FORBIDDEN,
    'forbidden',
    'Not allowed',
    "only the site's own staff, its district's managers or the province's",
  );
}
