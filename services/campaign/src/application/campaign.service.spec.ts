import type { CampaignInput, CampaignProgress } from '../workflows/campaign.messages';
import { CampaignRefused, CampaignService } from './campaign.service';
import { type CampaignRequest, CampaignWorkflows } from './ports/campaign-workflows.port';
import { type CampaignListing, type CampaignRecord, Campaigns } from './ports/campaigns.port';

class InMemoryCampaigns extends Campaigns {
  readonly records = new Map<string, CampaignRecord>();
  constructor(private readonly finished: string[]) {
    super();
  }
  async finishedImports(importIds: string[]) {
    return importIds.filter((id) => this.finished.includes(id));
  }
  async create(campaign: CampaignRecord) {
    this.records.set(campaign.campaignId, campaign);
  }
  async find(campaignId: string) {
    return this.records.get(campaignId);
  }
  async list(): Promise<{ items: CampaignListing[]; nextCursor: string | null }> {
    return { items: [], nextCursor: null };
  }
}

class RecordingWorkflows extends CampaignWorkflows {
  readonly started: CampaignInput[] = [];
  readonly requests: [string, CampaignRequest, string][] = [];
  constructor(private readonly answer: CampaignProgress | null = null) {
    super();
  }
  async start(input: CampaignInput) {
    this.started.push(input);
  }
  async progress() {
    return this.answer;
  }
  async request(campaignId: string, what: CampaignRequest, reason: string) {
    this.requests.push([campaignId, what, reason]);
  }
}

const actor = { id: 'manager-1', role: 'manager', scope: 'province:LC' };
const settings = { chunkSize: 2_000, maxInFlight: 8, worklistDueDays: 14 };
const request = { name: 'Tam Đường 2021', importIds: ['imp-1', 'imp-1', 'imp-2'], deadline: '2026-12-31' };

describe('CampaignService (through its ports)', () => {
  it('refuses a campaign over an import not finished, naming the field and rule, and starts nothing', async () => {
    const workflows = new RecordingWorkflows();
    const service = new CampaignService(new InMemoryCampaigns(['imp-1']), workflows, settings);
    await expect(service.start(request, actor)).rejects.toBeInstanceOf(CampaignRefused);
    await expect(service.start(request, actor)).rejects.toMatchObject({
      field: 'importIds',
      rule: 'finishedImport',
      message: 'not imported completely: imp-2',
    });
    expect(workflows.started).toEqual([]);
  });

  it('records the campaign, then starts its workflow with the settings', async () => {
    const campaigns = new InMemoryCampaigns(['imp-1', 'imp-2']);
    const workflows = new RecordingWorkflows();
    const campaign = await new CampaignService(campaigns, workflows, settings).start(request, actor);
    expect(campaign).toMatchObject({ importIds: ['imp-1', 'imp-2'], worklistDueDays: 14, createdBy: 'manager-1' });
    expect(campaigns.records.get(campaign.campaignId)).toEqual(campaign);
    expect(workflows.started).toEqual([
      { campaignId: campaign.campaignId, chunkSize: 2_000, maxInFlight: 8, deadline: '2026-12-31' },
    ]);
  });

  it('passes requests only for campaigns it knows, and reads progress from the workflow', async () => {
    const campaigns = new InMemoryCampaigns(['imp-1', 'imp-2']);
    const workflows = new RecordingWorkflows(null);
    const service = new CampaignService(campaigns, workflows, settings);
    const { campaignId } = await service.start(request, actor);
    expect(await service.signal('cmp-unknown', 'pause')).toBe(false);
    expect(await service.signal(campaignId, 'cancel', 'duplicate list')).toBe(true);
    expect(workflows.requests).toEqual([[campaignId, 'cancel', 'duplicate list']]);
    expect(await service.status(campaignId)).toMatchObject({ campaignId, progress: null });
    expect(await service.status('cmp-unknown')).toBeUndefined();
  });
});
