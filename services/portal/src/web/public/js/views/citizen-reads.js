import { h } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { unitName } from '../units.js';

// Who looked at my data: each read of the citizen's record or certificate by staff or a manager,
// with the ground the service allowed it on (a check at the desk, a complaint the unit holds).
export function readsSection(reads, reference) {
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': 'reads-heading' },
    h('h3', { id: 'reads-heading' }, t('reads.heading')),
  );
  if (reads === null) return (section.append(h('p', {}, t('reads.unavailable'))), section);
  if (reads.length === 0) return (section.append(h('p', {}, t('reads.none'))), section);
  section.append(
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h('tr', {}, ...['when', 'who', 'what', 'why'].map((k) => h('th', { scope: 'col' }, t(`reads.${k}`)))),
      ),
      h(
        'tbody',
        {},
        reads.map((r) =>
          h(
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
          ),
        ),
      ),
    ),
  );
  return section;
}
