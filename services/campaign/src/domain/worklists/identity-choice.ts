import { type WorklistItem, WorklistRefused, type WorklistStatus, checkOwnSite } from './worklist-item';

/**
 * A site's answer to a row the registry could not settle alone (ADR 14: probably one of a few
 * people): it is this candidate, or none of them.
 */
export type IdentityChoice = { decision: 'same-person'; personId: string } | { decision: 'none-of-them' };

/**
 * Decides a site's choice among a row's candidates: its own rows only (managers take rows of no known
 * site), rows to review only, while the item is open, and only a person the registry put forward —
 * the choice links the row, and its doses go to that person's record. "None of them" keeps the item
 * open, for the site to correct the row's identity fields or leave it out of the records.
 */
export function chooseIdentity(
  item: WorklistItem,
  candidateIds: readonly string[],
  choice: IdentityChoice,
  actor: { role: string; scope: string },
): WorklistStatus {
  checkOwnSite(item, actor);
  if (item.reason !== 'ambiguous-identity')
    throw new WorklistRefused('reason', 'ambiguousIdentity', 'only a row to review has candidates to choose from');
  if (item.status === 'corrected' || item.status === 'resolved')
    throw new WorklistRefused('status', 'open', `the item is ${item.status}`);
  switch (choice.decision) {
    case 'same-person':
      if (!candidateIds.includes(choice.personId))
        throw new WorklistRefused('personId', 'candidate', "choose one of the row's candidates");
      return 'resolved';
    case 'none-of-them':
      return item.status;
    default:
      return choice satisfies never;
  }
}
