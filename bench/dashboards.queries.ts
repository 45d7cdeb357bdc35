/** The read models' queries without HTTP, the portal or the JSON: what the database (and the query's own code) does per call. */
import { Pool } from 'pg';
import { ProgressQuery } from '../services/campaign/src/adapters/postgres/progress.query';
import { SlaReportQuery } from '../services/complaints/src/adapters/postgres/sla-report.query';
import { CoverageQuery } from '../services/injections/src/adapters/postgres/coverage.query';
import { DoseStatisticsQuery } from '../services/injections/src/adapters/postgres/dose-statistics.query';
import { VerificationShareQuery } from '../services/injections/src/adapters/postgres/verification-share.query';
import { loadReferenceData } from '../services/injections/src/reference/reference-data';
import { percentile } from './bench-support';
import { CAMPAIGN_ID, IMPORT_ID } from './campaign-rows.load';

export async function measureQueries(
  injectionsUrl: string,
  complaintsUrl: string,
  campaignUrl: string,
): Promise<Map<string, { p50: number; p95: number }>> {
  const [doses, complaints, campaign] = [injectionsUrl, complaintsUrl, campaignUrl].map(
    (url) => new Pool({ connectionString: url, max: 4 }),
  );
  const reference = loadReferenceData();
  const [statistics, coverage, share] = [
    new DoseStatisticsQuery(doses, reference),
    new CoverageQuery(doses, reference),
    new VerificationShareQuery(doses, reference),
  ];
  const sla = new SlaReportQuery(complaints);
  const progress = new ProgressQuery(campaign);
  const now = new Date();
  const queries: [string, () => Promise<unknown>][] = [
    ['statistics by district, 2021–2030', () => statistics.grouped('district', '2021-01-01', '2030-01-01')],
    ['statistics by day, 2021–2030', () => statistics.grouped('day', '2021-01-01', '2030-01-01')],
    [
      'statistics by vaccine, a district',
      () => statistics.grouped('vaccine', '2021-11-03', '2022-02-17', { district: 'Tam Đường' }),
    ],
    ['coverage', () => coverage.byDistrictAndAge(2022)],
    ['verification share by commune', () => share.grouped('commune')],
    ['SLA summary by district (province)', () => sla.summary('district', { province: true }, now)],
    ['SLA: a district by site', () => sla.summary('site', { district: 'Tam Đường' }, now)],
    ["a unit's complaint queue, first page", () => sla.queue('site:LC-TD-01', { after: null, limit: 100 })],
    ["a campaign's progress by site", () => progress.bySite(CAMPAIGN_ID, [IMPORT_ID], '2021-12-15')],
  ];
  const figures = new Map<string, { p50: number; p95: number }>();
  for (const [name, run] of queries) {
    const times: number[] = [];
    for (let i = 0; i < 31; i++) {
      const started = performance.now();
      await run();
      if (i > 0) times.push(performance.now() - started); // the first plans and warms
    }
    times.sort((a, b) => a - b);
    figures.set(name, { p50: percentile(times, 50), p95: percentile(times, 95) });
  }
  await Promise.all([doses.end(), complaints.end(), campaign.end()]);
  return figures;
}
