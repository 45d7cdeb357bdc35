// What a complaint is about, one fieldset per kind; inputs are named by the API's field paths, so
// the service's refusals land on them (problems.js).
import { field, h } from '../dom.js';
import { dateInput, isoDate } from '../forms.js';
import { t } from '../i18n.js';

export const SUBJECT_TYPES = ['dose-details', 'missing-dose', 'personal-details', 'duplicate-record', 'certificate'];
const DOSE_FIELDS = ['administeredOn', 'vaccineCode', 'lotNumber', 'siteId'];
const PERSONAL_FIELDS = ['fullName', 'dateOfBirth', 'gender', 'idNumber'];

/** `defaults`: the site and dose number of the citizen's latest dose, when the record has one. */
export function subjectFieldset(type, reference, defaults) {
  const siteSelect = (name, id) => field(id, 'doses.site', select(name, reference.sites, 'id', defaults.siteId));
  switch (type) {
    case 'dose-details':
      return doseDetails(reference, defaults, siteSelect);
    case 'missing-dose':
      return h(
        'fieldset',
        {},
        h('legend', {}, t('complaint.missingDose')),
        field('m-vaccine', 'doses.vaccine', select('subject.dose.vaccineCode', reference.vaccines, 'code')),
        field('m-lot', 'desk.lotNumber', h('input', { name: 'subject.dose.lotNumber', autocomplete: 'off' })),
        field('m-date', 'doses.date', dateInput('subject.dose.administeredOn'), t('date.hint')),
        siteSelect('subject.dose.siteId', 'm-site'),
      );
    case 'personal-details':
      return h(
        'fieldset',
        { 'data-fields': 'subject.fields' },
        h('legend', {}, t('complaint.wrongPersonal')),
        PERSONAL_FIELDS.map((f) =>
          h(
            'label',
            { class: 'check' },
            h('input', { type: 'checkbox', name: 'personalFields', value: f }),
            t(`field.${f}`),
          ),
        ),
      );
    case 'duplicate-record':
      return h(
        'fieldset',
        {},
        h('legend', {}, t('complaint.duplicate')),
        field(
          'd-doses',
          'complaint.duplicateDoses',
          h('input', { name: 'subject.doseNumbers', inputmode: 'numeric', placeholder: '2, 3' }),
        ),
        siteSelect('subject.siteId', 'd-site'),
      );
    default:
      return h(
        'fieldset',
        {},
        h('legend', {}, t('complaint.certificateWrong')),
        siteSelect('subject.siteId', 'x-site'),
      );
  }
}

function select(name, items, key, chosen) {
  return h(
    'select',
    { name, required: true },
    chosen ? null : h('option', { value: '' }, t('complaint.choose')),
    items.map((x) => h('option', { value: x[key], selected: x[key] === chosen }, x.name)),
  );
}

/** The right value is asked the way the wrong field is: a date as dd/mm/yyyy, a vaccine or site from the list. */
function doseDetails(reference, defaults, siteSelect) {
  const wrongField = h(
    'select',
    { name: 'subject.fields' },
    DOSE_FIELDS.map((f) => h('option', { value: f }, t(`doseField.${f}`))),
  );
  const rightBox = h('div', {});
  const drawRight = () => {
    const name = 'rightValue';
    const input =
      wrongField.value === 'administeredOn'
        ? dateInput(name)
        : wrongField.value === 'vaccineCode'
          ? select(name, reference.vaccines, 'code')
          : wrongField.value === 'siteId'
            ? select(name, reference.sites, 'id')
            : h('input', { name, autocomplete: 'off' });
    input.dataset.fields = 'subject.claimed';
    const hint = wrongField.value === 'administeredOn' ? t('date.hint') : null;
    rightBox.replaceChildren(field('c-value', 'complaint.rightValue', input, hint));
  };
  wrongField.addEventListener('change', drawRight);
  drawRight();
  return h(
    'fieldset',
    {},
    h('legend', {}, t('complaint.whatIsWrong')),
    field(
      'c-dose',
      'complaint.doseNumber',
      h('input', { name: 'subject.doseNumber', type: 'number', min: 1, max: 10, value: defaults.doseNumber ?? 1 }),
    ),
    field('c-field', 'complaint.wrongField', wrongField),
    rightBox,
    siteSelect('subject.siteId', 'c-site'),
  );
}

/** The subject as the API takes it, read from the fieldset on screen. */
export function subjectOf(form, type) {
  const value = (name) => form.elements[name]?.value.trim() ?? '';
  switch (type) {
    case 'dose-details': {
      const wrong = value('subject.fields');
      const right = wrong === 'administeredOn' ? isoDate(value('rightValue')) : value('rightValue');
      return {
        type,
        doseNumber: Number(value('subject.doseNumber')),
        fields: [wrong],
        claimed: { [wrong]: right },
        siteId: value('subject.siteId'),
      };
    }
    case 'missing-dose':
      return {
        type,
        dose: {
          vaccineCode: value('subject.dose.vaccineCode'),
          lotNumber: value('subject.dose.lotNumber'),
          administeredOn: isoDate(value('subject.dose.administeredOn')),
          siteId: value('subject.dose.siteId'),
        },
      };
    case 'personal-details':
      return { type, fields: [...form.querySelectorAll('[name=personalFields]:checked')].map((c) => c.value) };
    case 'duplicate-record':
      return {
        type,
        doseNumbers: value('subject.doseNumbers')
          .split(/[,\s]+/)
          .filter(Boolean)
          .map(Number),
        siteId: value('subject.siteId'),
      };
    default:
      return { type, certificateId: null, siteId: value('subject.siteId') || null };
  }
}
