import { HttpStatus } from '@nestjs/common';
import { type CallerActor, ProblemException, figuresWithin, siteIsWithin } from '@vax/platform';
import { CampaignRefused } from '../../application/campaign.service';
import { AttestationRefused } from '../../domain/attestation/list-attestation.decider';
import { MergeDecisionRefused } from '../../domain/duplicates/merge-decision';
import { WorklistRefused } from '../../domain/worklists/worklist-item';

/** Runs a request; a rule it breaks is a problem response listing the field and rule (403 for someone else's rows). */
export async function refusalsAsProblems<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const problems =
      error instanceof AttestationRefused
        ? error.problems
        : error instanceof CampaignRefused || error instanceof WorklistRefused || error instanceof MergeDecisionRefused
          ? [{ field: error.field, rule: error.rule, message: error.message }]
          : undefined;
    if (!problems) throw error;
    if (problems.some((p) => p.rule === 'ownSite' || p.rule === 'responsiblePerson'))
      throw new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', 'Not allowed', (error as Error).message, problems);
    if (problems.some((p) => p.rule === 'known'))
      throw new ProblemException(HttpStatus.NOT_FOUND, 'not-found', 'Not found', (error as Error).message, problems);
    throw new ProblemException(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'campaign-refused',
      'The request cannot be carried out',
      (error as Error).message,
      problems,
    );
  }
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
