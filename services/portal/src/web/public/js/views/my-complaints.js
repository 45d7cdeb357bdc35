import { api } from '../api.js';
import { h } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';

// The citizen's complaints, newest first, and the way to file a new one.
export async function render(view) {
  const items = await api('GET', '/api/complaints/mine');
  view.append(
    h('h2', {}, t('mine.heading')),
    h('p', {}, h('a', { href: '#/complaints/new', class: 'button' }, t('complaint.newHeading'))),
    items.length === 0
      ? h('p', {}, t('mine.empty'))
      : h(
          'ul',
          { class: 'queue' },
          items.map((c) =>
            h(
              'li',
              {},
              h(
                'a',
                { href: `#/complaint?id=${encodeURIComponent(c.complaintId)}` },
                t(`complaintType.${c.complaintType}`),
              ),
              h('span', {}, t(`complaintStatus.${c.status}`), c.outcome ? ` — ${t(`outcome.${c.outcome}`)}` : ''),
              c.filedAt ? h('span', {}, formatDateTime(c.filedAt)) : null,
            ),
          ),
        ),
  );
}
