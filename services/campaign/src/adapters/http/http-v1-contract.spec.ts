import { CAMPAIGN_PROGRESS_LEVELS, CAMPAIGN_WORKLIST_REASONS } from '@vax/contracts/campaign/http-v1.responses';
import { WORKLIST_REASONS } from '../../domain/classification/row-class';
import { PROGRESS_LEVELS } from '../../domain/progress/campaign-progress';

// The HTTP contract keeps its own list of the levels (a contract imports no service code); progress
// rolls up to exactly these, or an answer breaks the schema the portal documents.
describe("the campaign service's HTTP contract (v1)", () => {
  it('names the levels progress rolls up to', () => {
    expect([...CAMPAIGN_PROGRESS_LEVELS]).toEqual([...PROGRESS_LEVELS]);
  });

  it('names the reasons a row goes back to its site', () => {
    expect([...CAMPAIGN_WORKLIST_REASONS]).toEqual([...WORKLIST_REASONS]);
  });
});
