import { api, download } from '../api.js';
import { h } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { siteName, vaccineName } from '../units.js';
import { readsSection } from './citizen-reads.js';

// A citizen's own record: the doses the platform holds, whether each is attested, corrections visible.
export async function render(view) {
  const [record, certification, reference, reads] = await Promise.all([
    api('GET', '/api/me/record'),
    api('GET', '/api/me/certificate').catch(() => null), // certification down or nothing yet: the record still shows
    api('GET', '/api/reference').catch(() => null), // names only: ids show without it
    api('GET', '/api/me/reads').catch(() => null),
  ]);
  const given = record.doses.filter((d) => !d.voided);

  view.append(
    ...[
      h('h2', {}, t('citizen.heading')),
      given.length === 0 ? h('p', {}, t('citizen.noDoses')) : dosesTable(record.doses, reference),
      record.recoveries?.length
        ? h('p', {}, t('citizen.recovered', { date: formatDate(record.recoveries.at(-1).recoveredOn) }))
        : null,
      certificateSection(certification),
      h('p', {}, h('a', { href: '#/complaints/new' }, t('citizen.wrongData'))),
      readsSection(reads, reference),
    ].filter(Boolean),
  );
}

function certificateSection(certification) {
  const current = certification?.certificate;
  const section = h(
    'section',
    { class: 'card', 'aria-labelledby': 'certificate-heading' },
    h('h3', { id: 'certificate-heading' }, t('certificate.heading')),
  );
  if (!current) return (section.append(h('p', {}, t('certificate.none'))), section);
  // Named by the certificate, so the service worker keeps this one and a new one replaces it.
  const pdf = (size) => `/api/me/certificate.pdf?size=${size}&id=${encodeURIComponent(current.certificateId)}`;
  keepForOffline(pdf('A4'));
  section.append(
    h('p', { class: `status-${current.status}` }, t(`certificate.status.${current.status}`)),
    h('img', {
      // Sent with the certificate (no request of its own); the image's address where it was not.
      src: certification.qrImage || `/api/me/certificate/qr.png?id=${encodeURIComponent(current.certificateId)}`,
      alt: t('certificate.qrAlt'),
      class: 'qr',
      width: 280,
      height: 280,
    }),
    h('p', { class: 'hint' }, t('certificate.validUntil', { date: formatDate(current.expiresAt) })),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', onclick: () => download(pdf('A4'), 'certificate-A4.pdf') }, t('certificate.pdfA4')),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: () => download(pdf('A5'), 'certificate-A5.pdf'),
        },
        t('certificate.pdfA5'),
      ),
    ),
  );
  return section;
}

/** The A4 PDF fetched once per certificate while online, for the service worker to keep (sw.js). */
async function keepForOffline(path) {
  if (!navigator.serviceWorker?.controller || !globalThis.caches) return;
  if (await caches.match(path)) return;
  fetch(path).catch(() => undefined);
}

function dosesTable(doses, reference) {
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
          h('td', { 'data-label': t('doses.vaccine') }, vaccineName(reference, d.vaccineCode)),
          h('td', { 'data-label': t('doses.date') }, formatDate(d.administeredOn)),
          h('td', { 'data-label': t('doses.site') }, siteName(reference, d.siteId)),
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
