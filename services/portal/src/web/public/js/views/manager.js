import { api } from '../api.js';
import { h } from '../dom.js';
import { formatDate, formatPercent, t } from '../i18n.js';
import { barChart } from '../chart.js';
import { csvButton, table } from '../table.js';
import { campaignPanel } from './campaign.js';
import { campaignListsPanel } from './campaign-lists.js';

// Managers: coverage against the registry, doses by district, how much of the record is verified and
// attested, and the cleaning campaign (its progress, lists uploaded, campaigns started).
export async function render(view) {
  const year = new Date().getFullYear();
  const [coverage, share, doses, sla, breaches, campaign, lists] = await Promise.all([
    api('GET', `/api/manager/coverage?year=${year}`),
    api('GET', '/api/manager/verification-share?groupBy=district'),
    api('GET', `/api/manager/doses?groupBy=district&from=2021-01-01&to=${new Date().toISOString().slice(0, 10)}`),
    api('GET', '/api/manager/sla/summary?groupBy=district').catch(() => null), // complaints down: the rest still shows
    api('GET', `/api/manager/sla/breaches?from=${daysBack(30)}&to=${daysBack(0)}`).catch(() => null),
    campaignPanel(), // each shows its own message when the campaign service is down
    campaignListsPanel(),
  ]);
  view.append(
    h('h2', {}, t('manager.heading')),
    slaSection(sla, breaches),
    coverageSection(coverage),
    dosesSection(doses),
    shareSection(share),
    campaign,
    lists,
  );
}

function coverageSection(coverage) {
  const byDistrict = new Map();
  for (const r of coverage.rows) {
    const d = byDistrict.get(r.district) ?? { population: 0, atLeastOneDose: 0, primarySeries: 0 };
    d.population += r.population;
    d.atLeastOneDose += r.atLeastOneDose;
    d.primarySeries += r.primarySeries;
    byDistrict.set(r.district, d);
  }
  const bars = [...byDistrict]
    .filter(([, d]) => d.population > 0)
    .map(([district, d]) => ({ label: district, value: d.primarySeries / d.population }));
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'coverage-heading' },
    h('h3', { id: 'coverage-heading' }, t('manager.coverage', { year: coverage.year })),
    coverage.populationCountedAt
      ? h('p', { class: 'hint' }, t('manager.censusOf', { date: formatDate(coverage.populationCountedAt) }))
      : h('p', { class: 'hint' }, t('manager.noCensus')),
    barChart(bars, { max: 1, format: formatPercent, label: t('manager.primaryShare') }),
    table(
      ['district', 'population', 'atLeastOneDose', 'primarySeries', 'oneDoseShare'],
      [...byDistrict].map(([district, d]) => [
        district,
        d.population,
        d.atLeastOneDose,
        d.primarySeries,
        formatPercent(d.population ? d.atLeastOneDose / d.population : null),
      ]),
    ),
    h(
      'details',
      {},
      h('summary', {}, t('manager.byAgeGroup')),
      table(
        ['district', 'ageGroup', 'population', 'atLeastOneDose', 'primarySeries', 'oneDoseShare'],
        coverage.rows.map((r) => [
          r.district,
          r.ageGroup,
          r.population,
          r.atLeastOneDose,
          r.primarySeries,
          formatPercent(r.oneDoseShare),
        ]),
      ),
    ),
    csvButton(`/api/manager/coverage?year=${coverage.year}&format=csv`, `coverage-${coverage.year}.csv`),
  );
}

function dosesSection(doses) {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'doses-heading' },
    h('h3', { id: 'doses-heading' }, t('manager.doses')),
    barChart(
      doses.rows.map((r) => ({ label: r.key, value: r.doses })),
      { format: String, label: t('manager.doses') },
    ),
    csvButton(`/api/manager/doses?groupBy=district&from=${doses.from}&to=${doses.to}&format=csv`, 'doses.csv'),
  );
}

function shareSection(share) {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'share-heading' },
    h('h3', { id: 'share-heading' }, t('manager.share')),
    table(
      ['district', 'doses', 'verifiedShare', 'attestedShare'],
      share.rows.map((r) => [r.key, r.doses, formatPercent(r.verifiedShare), formatPercent(r.attestedShare)]),
    ),
    csvButton('/api/manager/verification-share?groupBy=district&format=csv', 'verification-share.csv'),
  );
}

const daysBack = (n) => new Date(Date.now() + 7 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);

/** Complaints under SLA: what is open and overdue where, breaches over the last 30 days, time to resolve. */
function slaSection(sla, breaches) {
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': 'sla-heading' },
    h('h3', { id: 'sla-heading' }, t('manager.sla')),
  );
  if (!sla) return (section.append(h('p', { class: 'form-error' }, t('problem.upstream-unavailable'))), section);
  const perDay = new Map();
  for (const b of breaches?.rows ?? []) perDay.set(b.day, (perDay.get(b.day) ?? 0) + b.breaches);
  section.append(
    barChart(
      sla.rows.map((r) => ({ label: r.key, value: r.overdue })),
      { format: String, label: t('manager.overdueByDistrict') },
    ),
    table(
      ['district', 'open', 'overdue', 'breaches', 'escalated', 'resolved', 'medianHours', 'p90Hours'],
      sla.rows.map((r) => [
        r.key,
        r.open,
        r.overdue,
        r.breaches,
        r.escalated,
        r.resolved,
        r.medianHoursToResolve ?? '—',
        r.p90HoursToResolve ?? '—',
      ]),
    ),
    h('h4', {}, t('manager.breachesOverTime')),
    perDay.size
      ? barChart(
          [...perDay].map(([day, n]) => ({ label: formatDate(day), value: n })),
          { format: String, label: t('manager.breachesOverTime') },
        )
      : h('p', {}, t('manager.noBreaches')),
    csvButton('/api/manager/sla/summary?groupBy=district&format=csv', 'complaints-sla.csv'),
  );
  return section;
}
