// What a complaint is about, in words: which dose, which field, the value the citizen gave, the site.
import { h } from '../dom.js';
import { formatDate, formatDateTime, t, tOr } from '../i18n.js';
import { siteName, vaccineName } from '../units.js';

export function subjectSummary(c, reference, role) {
  const rows = [];
  const row = (key, value) =>
    value !== undefined && value !== null && value !== '' && rows.push(h('dt', {}, t(key)), h('dd', {}, String(value)));
  const filed = c.timeline?.find((s) => s.step === 'ComplaintFiled');
  if (role !== 'citizen') row('complaint.reference', c.complaintId.slice(0, 8));
  row('complaint.filedAt', filed ? formatDateTime(filed.at) : null);
  const s = c.subject ?? {};
  if (s.doseNumber) row('complaint.doseNumber', s.doseNumber);
  if (s.doseNumbers) row('complaint.duplicateDoses', s.doseNumbers.join(', '));
  if (s.fields) row('complaint.wrongFields', s.fields.map((f) => tOr([`doseField.${f}`, `field.${f}`])).join(', '));
  for (const [fieldName, value] of Object.entries(s.claimed ?? {}))
    row(`doseField.${fieldName}`, factText(fieldName, value, reference));
  for (const [fieldName, value] of Object.entries(s.dose ?? {}))
    row(`doseField.${fieldName}`, factText(fieldName, value, reference));
  if (s.siteId) row('doses.site', siteName(reference, s.siteId));
  if (role !== 'citizen' && c.identityResult) row('complaint.identityResult', t(`identityResult.${c.identityResult}`));
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'subject-heading' },
    h('h3', { id: 'subject-heading' }, t('complaint.about')),
    h('dl', {}, rows),
  );
}

function factText(fieldName, value, reference) {
  if (fieldName === 'administeredOn') return formatDate(value);
  if (fieldName === 'vaccineCode') return vaccineName(reference, value);
  if (fieldName === 'siteId') return siteName(reference, value);
  return value;
}

/**
 * Whom the unit is dealing with, as they stated themselves, and what they wrote: the complaints
 * service sends it only where the scope rules let this reader read the person (and records the read).
 */
export function filerSummary(c) {
  const f = c.filer;
  if (!f) return null;
  const rows = [
    ['field.fullName', f.fullName],
    ['field.idNumber', f.idNumber],
    ['field.dateOfBirth', formatDate(f.dateOfBirth)],
    ['field.gender', t(`gender.${f.gender}`)],
  ].flatMap(([key, value]) => [h('dt', {}, t(key)), h('dd', {}, value)]);
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'filer-heading' },
    h('h3', { id: 'filer-heading' }, t('complaint.filer')),
    h('dl', {}, rows),
    f.description ? h('h4', {}, t('complaint.citizenWords')) : null,
    f.description ? h('p', { class: 'citizen-words' }, f.description) : null,
  );
}
