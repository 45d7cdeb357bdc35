import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { PG_POOL, TemporalConnection, watchWorkflowStates } from '@vax/platform';
import type { Pool } from 'pg';
import { Gauge, register } from 'prom-client';

/** "Due soon": the hours before a deadline in which a unit can still act on it. */
const DUE_SOON_HOURS = 24;
const WORKFLOW_TYPE = 'complaintLifecycleWorkflow';

interface UnitRow {
  unit: string;
  open: string;
  due_soon: string;
  breached: string;
}

/**
 * The complaints' figures an operator watches (ADR 15), read at each scrape: per unit, complaints
 * open, due within a day and past their deadline (from the SLA read model); workflows stuck on a
 * failing step, by step; and the complaint workflows by state, from Temporal's visibility. Units
 * are sites, communes and districts: a bounded set, and no person's data.
 */
@Injectable()
export class ComplaintMetrics implements OnModuleInit {
  private units?: Promise<UnitRow[]>;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly temporal: TemporalConnection,
  ) {}

  onModuleInit(): void {
    const perUnit = (name: string, help: string, pick: (r: UnitRow) => string) =>
      fresh(name) &&
      new Gauge({
        name,
        help,
        labelNames: ['unit'],
        collect: async () => {
          const gauge = register.getSingleMetric(name) as Gauge<'unit'>;
          gauge.reset();
          for (const row of await this.unitRows()) gauge.set({ unit: row.unit }, Number(pick(row)));
        },
      });
    perUnit('complaints_sla_open', 'Complaints open, by the unit they are assigned to', (r) => r.open);
    perUnit('complaints_sla_due_soon', `Complaints due within ${DUE_SOON_HOURS} h, by unit`, (r) => r.due_soon);
    perUnit('complaints_sla_breached', 'Complaints open past their deadline, by unit', (r) => r.breached);
    this.gauge('workflow_steps_failing', 'Workflows waiting on a step that failed', ['workflow_type', 'step'], (g) =>
      this.failingSteps(g),
    );
    watchWorkflowStates(this.temporal, WORKFLOW_TYPE);
  }

  private gauge<L extends string>(name: string, help: string, labelNames: L[], fill: (g: Gauge<L>) => Promise<void>) {
    fresh(name);
    new Gauge({
      name,
      help,
      labelNames,
      collect: async () => {
        const gauge = register.getSingleMetric(name) as Gauge<L>;
        gauge.reset();
        await fill(gauge).catch(() => undefined); // a dependency away shows as missing series
      },
    });
  }

  /** One query for the three per-unit gauges of a scrape. */
  private unitRows(): Promise<UnitRow[]> {
    this.units ??= this.pool
      .query<UnitRow>(
        `select coalesce(unit_id, 'unassigned') as unit, count(*) as open,
                count(*) filter (where status = 'assigned' and not paused
                                 and due_at between now() and now() + make_interval(hours => $1)) as due_soon,
                count(*) filter (where status = 'assigned' and not paused and due_at < now()) as breached
           from complaint_sla where status <> 'closed' group by 1`,
        [DUE_SOON_HOURS],
      )
      .then((r) => r.rows)
      .catch(() => [])
      .finally(() => setTimeout(() => (this.units = undefined), 1_000).unref());
    return this.units;
  }

  private async failingSteps(gauge: Gauge<'workflow_type' | 'step'>): Promise<void> {
    const { rows } = await this.pool.query<{ step: string; n: string }>(
      `select attention_step as step, count(*) as n from complaint_sla where attention_step is not null group by 1`,
    );
    for (const { step, n } of rows) gauge.set({ workflow_type: WORKFLOW_TYPE, step }, Number(n));
  }
}

/** A module built twice in one process (tests) registers its gauges again: the last one counts. */
function fresh(name: string): true {
  register.removeSingleMetric(name);
  return true;
}
