// A site's rows to review in a reconciliation campaign (ADR 14): rows the registry could link only
// probably, each beside its candidates field by field, and the site's choice of one of them or of
// none. The campaign service decides which site's rows a person may see and choose for; the page
// asks for the person's own site, and first lists the campaigns where that site has rows open. A
// candidate's ID number and address never reach it.
import { ApiProblem, api, apiPage } from '../api.js';
import { field, h } from '../dom.js';
import { submitting } from '../forms.js';
import { formatDate, t } from '../i18n.js';
import { problemSummary } from '../problems.js';
import { go } from '../session.js';
import { appendTo, showMore } from '../show-more.js';

const OPEN = new Set(['open', 'reopened']);
const LIST = '/api/site/worklists';

export async function render(view, state) {
  const campaignId = new URLSearchParams(location.hash.split('?')[1]).get('campaign');
  view.append(h('h2', {}, t('review.heading')), h('p', { class: 'hint' }, t('review.intro')));
  // No campaign chosen: the site's own campaigns with work open (the campaign service knows the
  // site from who is signed in); a code a manager sent can still be typed below them.
  if (!campaignId) return view.append(...(await campaignList()), campaignForm());
  view.append(h('p', {}, h('a', { href: '#/review' }, t('review.allCampaigns'))));
  const siteId = (state.session?.scope || '').replace(/^site:/, '');
  const path = `/api/site/campaigns/${encodeURIComponent(campaignId)}/worklists?${new URLSearchParams({
    siteId,
    reason: 'ambiguous-identity',
  })}`;
  // A code mistyped or a campaign closed is said here, with the way back to the list above it.
  const first = await apiPage(path).catch((error) => {
    if (error instanceof ApiProblem && error.status === 401) throw error;
    view.append(h('p', { class: 'form-error', role: 'alert' }, problemSummary(error)));
    return null;
  });
  if (!first) return;
  const items = first.data.items;
  if (items.length === 0) return view.append(h('p', { role: 'status' }, t('review.empty')));
  const redraw = () => go(`#/review?campaign=${encodeURIComponent(campaignId)}`);
  const item = (i) => reviewItem(campaignId, i, redraw);
  const list = h('ul', { class: 'reviews' }, items.map(item));
  const more = showMore({
    path,
    nextCursor: first.nextCursor,
    shown: items.length,
    itemsOf: (page) => page.items,
    append: (page) => appendTo(list, page.map(item)),
  });
  view.append(...[list, more].filter(Boolean));
}

/** The campaigns with rows for this site to review or fix, newest first, each a link to its rows. */
async function campaignList() {
  const heading = h('h3', {}, t('review.campaigns'));
  const first = await apiPage(LIST).catch((error) => {
    if (error instanceof ApiProblem && error.status === 401) throw error;
    return { error };
  });
  if (first.error) return [heading, h('p', { class: 'form-error', role: 'alert' }, problemSummary(first.error))];
  const campaigns = first.data.campaigns;
  if (campaigns.length === 0) return [heading, h('p', { role: 'status' }, t('review.noCampaigns'))];
  const list = h('ul', { class: 'queue' }, campaigns.map(campaignItem));
  const more = showMore({
    path: LIST,
    nextCursor: first.nextCursor,
    shown: campaigns.length,
    itemsOf: (page) => page.campaigns,
    append: (page) => appendTo(list, page.map(campaignItem)),
  });
  return [heading, list, more].filter(Boolean);
}

function campaignItem(c) {
  const href = `#/review?campaign=${encodeURIComponent(c.campaignId)}`;
  return h(
    'li',
    {},
    h('a', { href }, c.name),
    h('span', {}, t('review.deadline', { date: formatDate(c.deadline) })),
    c.status === 'running' ? null : h('span', {}, t(`campaign.state.${c.status}`)),
    h('span', { class: 'queue-detail' }, t('review.counts', { review: c.openReviewItems, open: c.openWorklistItems })),
  );
}

/** A campaign by its code, as a manager may send it: the way in when it is not in the list. */
function campaignForm() {
  const input = h('input', { name: 'campaignId', required: true, autocomplete: 'off' });
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    h('h3', {}, t('review.byCode')),
    field('review-campaign', 'review.campaign', input, t('review.campaignHint')),
    h('button', { type: 'submit', class: 'secondary' }, t('review.open')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim()) go(`#/review?campaign=${encodeURIComponent(input.value.trim())}`);
  });
  return form;
}

function reviewItem(campaignId, item, chosen) {
  const candidates = item.details?.candidates ?? [];
  const choice = item.details?.choice;
  return h(
    'li',
    { class: 'card' },
    h('h3', {}, t('review.row', { row: item.rowNumber, file: item.sourceName })),
    h('p', {}, t(`worklistStatus.${item.status}`), choice ? ` — ${choiceText(choice, candidates)}` : ''),
    sideBySide(item.row, candidates),
    OPEN.has(item.status) ? choiceForm(campaignId, item, candidates, chosen) : null,
  );
}

const candidateName = (c, i) => t('review.candidate', { n: i + 1, name: c.fullName });

function choiceText(choice, candidates) {
  if (choice.decision !== 'same-person') return t('review.choseNone');
  const i = candidates.findIndex((c) => c.personId === choice.personId);
  return t('review.chose', { name: i >= 0 ? candidateName(candidates[i], i) : '' });
}

/** The row as the list has it beside each candidate, field by field, with how each field agrees. */
function sideBySide(row, candidates) {
  const cell = (value, level) =>
    h('td', {}, value || '—', level ? h('small', { class: 'evidence' }, t(`evidence.${level}`)) : null);
  const line = (key, rowValue, valueOf, levelOf) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, t(`review.field.${key}`)),
      cell(rowValue),
      candidates.map((c) => cell(valueOf(c), levelOf(c))),
    );
  const gender = (g) => (g ? t(`gender.${g}`) : '');
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t('review.compare') },
    h(
      'table',
      { class: 'side-by-side' },
      h('caption', {}, t('review.compare')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('td', {}),
          h('th', { scope: 'col' }, t('review.listRow')),
          candidates.map((c, i) => h('th', { scope: 'col' }, t('review.candidateN', { n: i + 1 }))),
        ),
      ),
      h(
        'tbody',
        {},
        line(
          'fullName',
          row.fullName,
          (c) => c.fullName,
          (c) => `fullName.${c.evidence.fullName}`,
        ),
        line(
          'dateOfBirth',
          formatDate(row.dateOfBirth),
          (c) => formatDate(c.dateOfBirth),
          (c) => `dateOfBirth.${c.evidence.dateOfBirth}`,
        ),
        line(
          'gender',
          gender(row.gender),
          (c) => gender(c.gender),
          (c) => `gender.${c.evidence.gender}`,
        ),
        line(
          'idNumber',
          row.idNumber,
          () => '',
          (c) => `idNumber.${c.evidence.idNumber}`,
        ),
        line(
          'place',
          '',
          (c) => c.district,
          (c) => `place.${c.evidence.place}`,
        ),
      ),
    ),
  );
}

function choiceForm(campaignId, item, candidates, chosen) {
  const option = (value, label) =>
    h('label', { class: 'check' }, h('input', { type: 'radio', name: 'choice', value, required: true }), label);
  const form = h(
    'form',
    { novalidate: true },
    h(
      'fieldset',
      { 'data-fields': 'decision personId' },
      h('legend', {}, t('review.who')),
      candidates.map((c, i) => option(c.personId, candidateName(c, i))),
      option('', t('review.none')),
    ),
    h('button', { type: 'submit' }, t('review.save')),
  );
  const unpicked = h('p', { class: 'form-error', role: 'alert' });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const picked = form.querySelector('input[name=choice]:checked');
    if (!picked) {
      unpicked.textContent = t('review.pickOne');
      form.prepend(unpicked);
      return form.querySelector('input[name=choice]').focus();
    }
    unpicked.remove();
    const body = picked.value ? { decision: 'same-person', personId: picked.value } : { decision: 'none-of-them' };
    const path = `/api/site/campaigns/${encodeURIComponent(campaignId)}/worklist-items/${encodeURIComponent(item.itemId)}/identity-choice`;
    const done = await submitting(form, () => api('POST', path, body));
    if (done !== undefined) chosen();
  });
  return form;
}
