import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { PG_POOL, TemporalConnection, watchWorkflowStates } from '@vax/platform';
import type { Pool } from 'pg';
import { Gauge, register } from 'prom-client';

/**
 * Campaign progress an operator watches (ADR 15), read at each scrape: per running campaign, the
 * legacy records sent to the registry and those answered (from its verification batches, counted
 * as they are stored), campaigns by status, and the campaign workflows by state. Campaign ids are
 * few and name no person.
 */
@Injectable()
export class CampaignMetrics implements OnModuleInit {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly temporal: TemporalConnection,
  ) {}

  onModuleInit(): void {
    const pool = this.pool;
    register.removeSingleMetric('campaign_records'); // a module built again in one process (tests)
    register.removeSingleMetric('campaigns');
    new Gauge({
      name: 'campaign_records',
      help: 'Legacy records of each running campaign sent to the registry, and answered',
      labelNames: ['campaign', 'state'],
      async collect() {
        this.reset();
        const { rows } = await pool
          .query<{ campaign: string; sent: string; answered: string }>(
            `select b.campaign_id as campaign, sum(b.records) as sent,
                    coalesce(sum(b.records) filter (where b.completed_at is not null), 0) as answered
               from verification_batches b join campaigns c using (campaign_id)
              where c.status = 'running' group by 1`,
          )
          .catch(() => ({ rows: [] }));
        for (const r of rows) {
          this.set({ campaign: r.campaign, state: 'sent' }, Number(r.sent));
          this.set({ campaign: r.campaign, state: 'answered' }, Number(r.answered));
        }
      },
    });
    new Gauge({
      name: 'campaigns',
      help: 'Campaigns by status',
      labelNames: ['status'],
      async collect() {
        this.reset();
        const { rows } = await pool
          .query<{ status: string; n: string }>(`select status, count(*) as n from campaigns group by 1`)
          .catch(() => ({ rows: [] }));
        for (const r of rows) this.set({ status: r.status }, Number(r.n));
      },
    });
    watchWorkflowStates(this.temporal, 'campaignWorkflow');
  }
}
