import type { IdentityChoice } from '../../domain/worklists/identity-choice';
import type { WorklistItem, WorklistStatus } from '../../domain/worklists/worklist-item';

/** A worklist item a site may choose an identity for, with what the choice is checked against. */
export interface ChoosableItem {
  item: WorklistItem;
  campaignRunning: boolean;
  /** The person ids the registry put forward for the row. */
  candidates: string[];
}

/** What a choice changes: the item's status, the person the row is linked to (same person), the record kept. */
export interface ChoiceOutcome {
  next: WorklistStatus;
  linkPersonId?: string;
  recorded: IdentityChoice & { by: string; at: string };
}

/** Worklist items and their rows' candidates (an abstract class so that it is also the Nest DI token). */
export abstract class IdentityChoices {
  /**
   * In one transaction: the item, held against a concurrent choice (undefined when the campaign has
   * no such item), given to `decide`; what it answers is written (status, link, the choice kept).
   */
  abstract chooseOne(
    campaignId: string,
    itemId: string,
    decide: (found: ChoosableItem | undefined) => ChoiceOutcome,
  ): Promise<WorklistStatus>;
}
