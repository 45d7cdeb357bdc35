import type { Actor } from '@vax/event-sourcing';
import { type IdentityChoice, chooseIdentity } from '../domain/worklists/identity-choice';
import { WorklistRefused, type WorklistStatus } from '../domain/worklists/worklist-item';
import type { IdentityChoices } from './ports/identity-choices.port';

/**
 * A site's choice among a row's candidates (ADR 14). The same person: the row is linked to them as a
 * match (the next settling round sends its dose to their record), the item resolved. None of them:
 * the item stays open for a correction. Either way the choice, who made it and when, stays on the item.
 */
export class IdentityChoiceService {
  constructor(
    private readonly choices: IdentityChoices,
    private readonly signalChanges: (campaignId: string) => Promise<unknown>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async choose(campaignId: string, itemId: string, choice: IdentityChoice, actor: Actor): Promise<WorklistStatus> {
    const status = await this.choices.chooseOne(campaignId, itemId, (found) => {
      if (!found) throw new WorklistRefused('itemId', 'known', 'no such worklist item in this campaign');
      if (!found.campaignRunning) throw new WorklistRefused('campaignId', 'running', 'the campaign is closed');
      return {
        next: chooseIdentity(found.item, found.candidates, choice, actor),
        linkPersonId: choice.decision === 'same-person' ? choice.personId : undefined,
        recorded: { ...choice, by: actor.id, at: this.clock().toISOString() },
      };
    });
    if (choice.decision === 'same-person') await this.signalChanges(campaignId);
    return status;
  }
}
