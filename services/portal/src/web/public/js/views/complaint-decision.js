// The unit's decision on a complaint. The form shows only what the chosen decision needs and is
// drawn again when the choice changes; inputs are named by the API's field paths.
import { api } from '../api.js';
import { field, h } from '../dom.js';
import { dateInput, isoDate, submitting } from '../forms.js';
import { formatDate, t } from '../i18n.js';
import { vaccineName } from '../units.js';

const REJECTION_REASONS = [
  'record-already-correct',
  'dose-not-given-here',
  'contradicts-certificate',
  'screening-form-incomplete',
  'name-differs-from-certificate',
  'only-personal-photo',
  'identity-not-confirmed',
  'duplicate-complaint',
];
const ACTION_OF = {
  'dose-details': 'correct-dose',
  'missing-dose': 'record-dose',
  'duplicate-record': 'void-dose',
  'personal-details': 'none',
  certificate: 'none',
};

/** `decided` runs after the service took the decision. An accepted dose complaint starts from the record. */
export async function decisionForm(c, reference, decided) {
  const record = c.personId
    ? await api('POST', `/api/desk/records/${encodeURIComponent(c.personId)}`).catch(() => null)
    : null;
  const given = record?.doses.filter((d) => !d.voided) ?? [];
  const kind = h(
    'select',
    { name: 'kind' },
    ['accept', 'reject', 'ask-citizen'].map((k) => h('option', { value: k }, t(`decision.${k}`))),
  );
  const fields = h('div', {});
  const draw = () => fields.replaceChildren(...fieldsFor(kind.value, c, given, reference));
  kind.addEventListener('change', draw);
  draw();
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    h('h3', {}, t('complaint.decide')),
    given.length
      ? h(
          'p',
          { class: 'hint' },
          t('complaint.recordNow', {
            doses: given
              .map(
                (d) =>
                  `${d.doseNumber}: ${vaccineName(reference, d.vaccineCode)} ${formatDate(d.administeredOn)} ${d.lotNumber}`,
              )
              .join('; '),
          }),
        )
      : null,
    field('k-kind', 'complaint.decision', kind),
    fields,
    h('button', { type: 'submit' }, t('complaint.sendDecision')),
  );
  const decisionId = crypto.randomUUID(); // pressing twice decides once
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { decisionId, ...decisionOf(form, kind.value, c) };
    const done = await submitting(form, () =>
      api('POST', `/api/complaints/${encodeURIComponent(c.complaintId)}/decisions`, body),
    );
    if (done !== undefined) decided();
  });
  return form;
}

function fieldsFor(kind, c, given, reference) {
  const note = (labelKey, required) => field('k-note', labelKey, h('textarea', { name: 'note', rows: 2, required }));
  if (kind === 'reject')
    return [
      field(
        'k-reason',
        'complaint.rejectReason',
        h(
          'select',
          { name: 'reason' },
          REJECTION_REASONS.map((r) => h('option', { value: r }, t(`rejection.${r}`))),
        ),
      ),
      note('complaint.rejectNote', true),
    ];
  if (kind === 'ask-citizen')
    return [
      field('k-question', 'complaint.questionToCitizen', h('textarea', { name: 'question', rows: 3, required: true })),
    ];
  return [...correctionFields(c, given, reference), note('complaint.acceptNote', false)].filter(Boolean);
}

function correctionFields(c, given, reference) {
  const action = ACTION_OF[c.complaintType];
  if (action === 'void-dose')
    return [
      field(
        'k-void',
        'complaint.doseToVoid',
        h(
          'select',
          { name: 'correction.doseNumber' },
          (c.subject.doseNumbers ?? []).map((n) => h('option', { value: n }, String(n))),
        ),
      ),
    ];
  if (action === 'none') return [h('p', { class: 'hint' }, t('complaint.noCorrection'))];
  const start =
    action === 'correct-dose'
      ? { ...(given.find((d) => d.doseNumber === c.subject.doseNumber) ?? {}), ...(c.subject.claimed ?? {}) }
      : (c.subject.dose ?? {});
  const path = action === 'correct-dose' ? 'correction.after' : 'correction.dose';
  const numberField =
    action === 'record-dose'
      ? field(
          'k-number',
          'complaint.doseNumber',
          h('input', { name: 'correction.doseNumber', type: 'number', min: 1, max: 10, value: given.length + 1 }),
        )
      : null;
  return [
    numberField,
    field('k-date', 'doses.date', dateInput(`${path}.administeredOn`, { value: start.administeredOn }), t('date.hint')),
    field('k-lot', 'desk.lotNumber', h('input', { name: `${path}.lotNumber`, value: start.lotNumber ?? '' })),
    field(
      'k-vaccine',
      'doses.vaccine',
      h(
        'select',
        { name: `${path}.vaccineCode` },
        reference.vaccines.map((v) => h('option', { value: v.code, selected: v.code === start.vaccineCode }, v.name)),
      ),
    ),
  ];
}

function decisionOf(form, kind, c) {
  const value = (name) => form.elements[name]?.value.trim() ?? '';
  if (kind === 'reject') return { kind, reason: value('reason'), note: value('note') };
  if (kind === 'ask-citizen') return { kind, question: value('question') };
  const action = ACTION_OF[c.complaintType];
  const facts = (path, siteId) => ({
    vaccineCode: value(`${path}.vaccineCode`),
    lotNumber: value(`${path}.lotNumber`),
    administeredOn: isoDate(value(`${path}.administeredOn`)),
    siteId,
  });
  const correction =
    action === 'correct-dose'
      ? { action, doseNumber: c.subject.doseNumber, after: facts('correction.after', c.subject.siteId) }
      : action === 'record-dose'
        ? {
            action,
            doseNumber: Number(value('correction.doseNumber')),
            dose: facts('correction.dose', c.subject.dose?.siteId),
          }
        : action === 'void-dose'
          ? { action, doseNumber: Number(value('correction.doseNumber')) }
          : { action };
  return { kind, correction, note: value('note') || undefined };
}
