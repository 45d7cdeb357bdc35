import { api, apiPage } from '../api.js';
import { h } from '../dom.js';
import { appendTo, showMore } from '../show-more.js';
import { formatDate, formatDateTime, t, tOr } from '../i18n.js';
import { siteName, vaccineName } from '../units.js';

/** Green with more than a day left, amber under a day, red when overdue. */
function slaColour(dueAt) {
  const left = Date.parse(dueAt) - Date.now();
  return left < 0 ? 'sla-red' : left < 86_400_000 ? 'sla-amber' : 'sla-green';
}

// The unit's complaints, most urgent first, each with how much time is left and what it is about,
// so two complaints of the same kind can be told apart before opening them; a page at a time.
export async function render(view) {
  const [first, reference] = await Promise.all([apiPage('/api/queue'), api('GET', '/api/reference').catch(() => null)]);
  const item = (c) => queueItem(c, reference);
  if (first.data.length === 0) return view.append(h('h2', {}, t('queue.heading')), h('p', {}, t('queue.empty')));
  const list = h('ul', { class: 'queue' }, first.data.map(item));
  const more = showMore({
    path: '/api/queue',
    nextCursor: first.nextCursor,
    shown: first.data.length,
    itemsOf: (items) => items,
    append: (items) => appendTo(list, items.map(item)),
  });
  view.append(...[h('h2', {}, t('queue.heading')), list, more].filter(Boolean));
}

function queueItem(c, reference) {
  return h(
    'li',
    { class: c.dueAt ? slaColour(c.dueAt) : '' },
    h(
      'a',
      { href: `#/complaint?id=${encodeURIComponent(c.complaintId)}` },
      `${t(`complaintType.${c.complaintType}`)} · ${c.complaintId.slice(0, 8)}`,
    ),
    h('span', {}, t(`complaintStatus.${c.status}`)),
    c.needsAttention ? h('span', { class: 'badge-attention' }, t('complaint.needsAttention')) : null,
    c.dueAt ? h('span', { class: 'due' }, t('queue.due', { due: formatDateTime(c.dueAt) })) : null,
    h('span', { class: 'queue-detail' }, detailOf(c, reference)),
  );
}

function detailOf(c, reference) {
  const s = c.subject ?? {};
  const parts = [];
  if (c.filedAt) parts.push(t('queue.filed', { at: formatDateTime(c.filedAt) }));
  if (s.doseNumber) parts.push(t('queue.dose', { n: s.doseNumber }));
  for (const [f, v] of Object.entries(s.claimed ?? s.dose ?? {}))
    parts.push(
      `${tOr([`doseField.${f}`, `field.${f}`])}: ${f === 'administeredOn' ? formatDate(v) : f === 'vaccineCode' ? vaccineName(reference, v) : f === 'siteId' ? siteName(reference, v) : v}`,
    );
  if (s.fields && !s.claimed) parts.push(s.fields.map((f) => tOr([`doseField.${f}`, `field.${f}`])).join(', '));
  return parts.join(' · ');
}
