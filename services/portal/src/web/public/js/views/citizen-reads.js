import { h } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { appendTo, showMore } from '../show-more.js';
import { unitName } from '../units.js';

// Who looked at my data: each read of the citizen's record or certificate by staff or a manager,
// with the ground the service allowed it on (a check at the desk, a complaint the unit holds).
// `answer` is the first page ({ reads, nextCursor }), or null when it could not be read.
export function readsSection(answer, reference) {
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': 'reads-heading' },
    h('h3', { id: 'reads-heading' }, t('reads.heading')),
  );
  if (!answer) return (section.append(h('p', {}, t('reads.unavailable'))), section);
  if (answer.reads.length === 0) return (section.append(h('p', {}, t('reads.none'))), section);
  const row = (r) => readRow(r, reference);
  const body = h('tbody', {}, answer.reads.map(row));
  const more = showMore({
    path: '/api/me/reads',
    nextCursor: answer.nextCursor,
    shown: answer.reads.length,
    itemsOf: (page) => page.reads,
    append: (reads) => appendTo(body, reads.map(row)),
  });
  const head = h('tr', {}, ...['when', 'who', 'what', 'why'].map((k) => h('th', { scope: 'col' }, t(`reads.${k}`))));
  section.append(...[h('table', { class: 'reads' }, h('thead', {}, head), body), more].filter(Boolean));
  return section;
}

function readRow(r, reference) {
  return h(
    'tr',
    {},
    h('td', { 'data-label': t('reads.when') }, formatDateTime(r.readAt)),
    h(
      'td',
      { 'data-label': t('reads.who') },
      `${t(`reads.role.${r.readerRole}`)} — ${unitName(reference, r.readerUnit)}`,
    ),
    h('td', { 'data-label': t('reads.what') }, t(`reads.what.${r.what}`)),
    h('td', { 'data-label': t('reads.why') }, t(`reads.ground.${r.ground.split(':')[0]}`)),
  );
}
