import { ApiProblem, api } from '../api.js';
import { field, h } from '../dom.js';
import { formatDate, formatPercent, t } from '../i18n.js';
import { barChart } from '../chart.js';
import { problemSummary } from '../problems.js';
import { showMore } from '../show-more.js';
import { csvButton, table } from '../table.js';
import { siteName } from '../units.js';

/** A row's unit as people name it: the service keys sites by id and rows of no known site in English. */
const unitKey = (key, groupBy, reference) =>
  key === '(no known site)' ? t('campaign.noKnownSite') : groupBy === 'site' ? siteName(reference, key) : key;

const COUNTERS = ['rows', 'sent', 'matched', 'mismatched', 'notFound', 'corrected', 'attested'];
const LEVELS = ['district', 'commune', 'site'];
const enc = encodeURIComponent;
const campaignOption = (c) =>
  h('option', { value: c.campaignId }, t('campaign.option', { name: c.name, deadline: formatDate(c.deadline) }));

/** The cleaning campaign's progress by district, commune or site against its deadline, with a chart and CSV. */
export async function campaignPanel() {
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': 'campaign-heading' },
    h('h3', { id: 'campaign-heading' }, t('campaign.heading')),
  );
  let first, reference;
  try {
    [first, reference] = await Promise.all([
      api('GET', '/api/manager/campaigns'), // { campaigns, nextCursor }: the first page
      api('GET', '/api/reference').catch(() => null), // without it, sites show by id
    ]);
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) throw error;
    return (section.append(h('p', { class: 'form-error' }, t('problem.upstream-unavailable'))), section);
  }
  const campaigns = first.campaigns;
  if (!campaigns.length) return (section.append(h('p', { class: 'hint' }, t('campaign.none'))), section);
  const pick = h('select', { name: 'campaign' }, campaigns.map(campaignOption));
  // Older campaigns on demand: their options join the select, which keeps the focus.
  const more = showMore({
    path: '/api/manager/campaigns',
    nextCursor: first.nextCursor,
    shown: campaigns.length,
    itemsOf: (page) => page.campaigns,
    append: (older) => (pick.append(...older.map(campaignOption)), [pick]),
  });
  const level = h(
    'select',
    { name: 'groupBy' },
    LEVELS.map((l) => h('option', { value: l }, t(`campaign.level.${l}`))),
  );
  const body = h('div', { 'aria-live': 'polite' });
  const show = async () => {
    body.replaceChildren(h('p', { class: 'hint' }, t('campaign.loading')));
    try {
      // Parts a view lacks (an empty chart) are null: left out, not printed.
      body.replaceChildren(...(await progressView(pick.value, level.value, reference, show)).filter(Boolean));
    } catch (error) {
      body.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, problemSummary(error)));
    }
  };
  pick.addEventListener('change', show);
  level.addEventListener('change', show);
  section.append(
    field('campaign-pick', 'campaign.pick', pick),
    ...[more].filter(Boolean),
    field('campaign-level', 'campaign.groupBy', level),
    body,
  );
  await show();
  return section;
}

async function progressView(campaignId, groupBy, reference, refresh) {
  const base = `/api/manager/campaigns/${enc(campaignId)}`;
  // The counts come from the database and are drawn as soon as they come. The workflow's live state
  // (paused or not) is a query the campaign service waits up to 3 s on while the campaign's worker is
  // busy or down: it is added when it comes, never waited for.
  const live = api('GET', base).catch(() => null);
  const progress = await api('GET', `${base}/progress?groupBy=${groupBy}`);
  const state = h('span', {}, stateText(progress.status, null));
  const steer = h('div', {});
  live.then((status) => {
    state.textContent = stateText(progress.status, status?.progress);
    steer.replaceChildren(...[steerButtons(base, progress.status, status?.progress, refresh)].filter(Boolean));
  });
  return [
    h('p', {}, deadlineText(progress), ' · ', state),
    steer,
    barChart(
      progress.rows.map((r) => ({ label: unitKey(r.key, groupBy, reference), value: r.settledShare ?? 0 })),
      { max: 1, format: formatPercent, label: t('campaign.settledChart') },
    ),
    table(
      [groupBy, ...COUNTERS],
      progress.rows.map((r) => [unitKey(r.key, groupBy, reference), ...COUNTERS.map((c) => r[c])]),
    ),
    csvButton(`${base}/progress?groupBy=${groupBy}&format=csv`, `campaign-${campaignId}-by-${groupBy}.csv`),
  ];
}

function deadlineText({ deadline, daysLeft }) {
  const date = formatDate(deadline);
  if (daysLeft > 0) return t('campaign.daysLeft', { date, days: daysLeft });
  if (daysLeft === 0) return t('campaign.dueToday', { date });
  return t('campaign.pastDeadline', { date, days: -daysLeft });
}

const stateText = (status, live) => t(`campaign.state.${live?.paused && status === 'running' ? 'paused' : status}`);

function steerButtons(base, status, live, refresh) {
  if (status !== 'running' || !live) return null;
  const action = live.paused ? 'resume' : 'pause';
  const button = h('button', { type: 'button', class: 'secondary' }, t(`campaign.${action}`));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api('POST', `${base}/${action}`);
      await refresh();
    } catch (error) {
      button.disabled = false;
      button.after(h('p', { class: 'form-error', role: 'alert' }, problemSummary(error)));
    }
  });
  return h('div', { class: 'actions' }, button);
}
