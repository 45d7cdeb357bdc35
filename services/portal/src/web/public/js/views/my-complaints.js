import { apiPage } from '../api.js';
import { h } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { appendTo, showMore } from '../show-more.js';

// The citizen's complaints, newest first, a page at a time, and the way to file a new one.
export async function render(view) {
  const first = await apiPage('/api/complaints/mine');
  const heading = [
    h('h2', {}, t('mine.heading')),
    h('p', {}, h('a', { href: '#/complaints/new', class: 'button' }, t('complaint.newHeading'))),
  ];
  if (first.data.length === 0) return view.append(...heading, h('p', {}, t('mine.empty')));
  const list = h('ul', { class: 'queue' }, first.data.map(complaintItem));
  const more = showMore({
    path: '/api/complaints/mine',
    nextCursor: first.nextCursor,
    shown: first.data.length,
    itemsOf: (items) => items,
    append: (items) => appendTo(list, items.map(complaintItem)),
  });
  view.append(...[...heading, list, more].filter(Boolean));
}

function complaintItem(c) {
  return h(
    'li',
    {},
    h('a', { href: `#/complaint?id=${encodeURIComponent(c.complaintId)}` }, t(`complaintType.${c.complaintType}`)),
    h('span', {}, t(`complaintStatus.${c.status}`), c.outcome ? ` — ${t(`outcome.${c.outcome}`)}` : ''),
    c.filedAt ? h('span', {}, formatDateTime(c.filedAt)) : null,
  );
}
