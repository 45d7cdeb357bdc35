import { api } from '../api.js';
import { h } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';

/** Green with more than a day left, amber under a day, red when overdue. */
function slaColour(dueAt) {
  const left = Date.parse(dueAt) - Date.now();
  return left < 0 ? 'sla-red' : left < 86_400_000 ? 'sla-amber' : 'sla-green';
}

// The unit's complaints, most urgent first, each with how much time is left.
export async function render(view) {
  const items = await api('GET', '/api/queue');
  view.append(
    h('h2', {}, t('queue.heading')),
    items.length === 0
      ? h('p', {}, t('queue.empty'))
      : h(
          'ul',
          { class: 'queue' },
          items.map((c) =>
            h(
              'li',
              { class: c.dueAt ? slaColour(c.dueAt) : '' },
              h(
                'a',
                { href: `#/complaint?id=${encodeURIComponent(c.complaintId)}` },
                t(`complaintType.${c.complaintType}`),
              ),
              h('span', {}, t(`complaintStatus.${c.status}`)),
              c.dueAt ? h('span', { class: 'due' }, t('queue.due', { due: formatDateTime(c.dueAt) })) : null,
            ),
          ),
        ),
  );
}
