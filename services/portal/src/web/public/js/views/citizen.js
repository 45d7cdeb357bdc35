import { api } from '../api.js';
import { h } from '../dom.js';
import { formatDate, t } from '../i18n.js';

// A citizen's own record: the doses the platform holds, whether each is attested, corrections visible.
export async function render(view) {
  const record = await api('GET', '/api/me/record');
  const given = record.doses.filter((d) => !d.voided);
  view.append(
    h('h2', {}, t('citizen.heading')),
    given.length === 0 ? h('p', {}, t('citizen.noDoses')) : dosesTable(record.doses),
    record.recoveries?.length
      ? h('p', {}, t('citizen.recovered', { date: formatDate(record.recoveries.at(-1).recoveredOn) }))
      : null,
    h('p', { class: 'hint' }, t('citizen.wrongData')),
  );
}

function dosesTable(doses) {
  return h(
    'table',
    { class: 'doses' },
    h('caption', {}, t('citizen.doses')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['dose', 'vaccine', 'date', 'site', 'status'].map((k) => h('th', { scope: 'col' }, t(`doses.${k}`))),
      ),
    ),
    h(
      'tbody',
      {},
      doses.map((d) =>
        h(
          'tr',
          { class: d.voided ? 'voided' : '' },
          h('td', { 'data-label': t('doses.dose') }, d.voided ? '—' : String(d.doseNumber)),
          h('td', { 'data-label': t('doses.vaccine') }, d.vaccineCode),
          h('td', { 'data-label': t('doses.date') }, formatDate(d.administeredOn)),
          h('td', { 'data-label': t('doses.site') }, d.siteId),
          h(
            'td',
            { 'data-label': t('doses.status') },
            t(d.voided ? 'doses.voided' : d.attestationId ? 'doses.attested' : 'doses.recorded'),
          ),
        ),
      ),
    ),
  );
}
