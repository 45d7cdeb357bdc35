// The one place where an API problem document (RFC 9457) becomes what a person reads: a summary by
// the problem's type, and each broken rule next to the input it concerns, by rule code, in the
// chosen language. The services' English `detail` and `message` texts are never shown.
import { ApiProblem } from './api.js';
import { h } from './dom.js';
import { t, tOr } from './i18n.js';

/** Problems that name no field but are about one: they are shown next to it. */
const FIELD_OF_TYPE = {
  'filing-code-not-confirmed': 'contactCode',
  'filing-too-many-codes': 'contact.phone',
  'filing-evidence': 'evidenceIds',
  'sign-in-code-expired': 'code',
};

const slugOf = (error) => (error?.problem?.type || '').split('/').pop();

/** The sentence at the top of a form (or in place of a view) for any error, never the service's own text. */
export function problemSummary(error) {
  if (!(error instanceof ApiProblem)) return error?.localized ?? t('problem.network');
  return tOr([`problem.${slugOf(error)}`, `problem.status.${error.status}`, 'problem.unknown']);
}

/** The message for one broken rule: the field's own wording if there is one, else the rule's. */
export function ruleMessage(field, rule) {
  const bare = field.replace(/\[\d+\]/g, '');
  return tOr([`rule.${bare}.${rule}`, `rule.${rule}`, 'rule.invalid']);
}

/**
 * The input answering for an API field: the one named exactly so (inputs are named by the API's
 * field path, `stated.idNumber`), else one listing it in data-fields, else the nearest parent path,
 * else the one input whose path ends with the field (a service naming it relative to its object).
 */
export function inputFor(form, field) {
  let path = field.replace(/\[\d+\]/g, '');
  while (path) {
    const input = [...form.querySelectorAll('[name], [data-fields]')].find(
      (el) => el.getAttribute('name') === path || (el.dataset.fields || '').split(' ').includes(path),
    );
    if (input) return input;
    path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
  }
  // A field named relative to its object (`idNumber` inside `typed`): the one input ending so.
  const bare = field.replace(/\[\d+\]/g, '');
  const relative = [...form.querySelectorAll('[name]')].filter((el) => el.getAttribute('name').endsWith(`.${bare}`));
  return relative.length === 1 ? relative[0] : null;
}

/** The broken rules of an error, with the problem's own field when it names none. */
function fieldErrors(error) {
  const listed = error?.problem?.errors || [];
  if (listed.length) return listed;
  const field = FIELD_OF_TYPE[slugOf(error)];
  return field ? [{ field, rule: slugOf(error) }] : [];
}

export function showProblem(form, error) {
  clearProblem(form);
  const unplaced = [];
  for (const e of fieldErrors(error)) {
    const input = inputFor(form, e.field);
    if (!input) {
      unplaced.push(ruleMessage(e.field, e.rule));
      continue;
    }
    // Whatever rules an empty input broke (a validator lists maxLength for a missing value too), it is empty.
    const message = isEmpty(input) ? ruleMessage(e.field, 'required') : ruleMessage(e.field, e.rule);
    const id = `${input.id || input.name}-error`;
    if (document.getElementById(id)) continue; // one message per input: the first rule it broke
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    (input.closest('.field, fieldset, label') || input).append(h('small', { class: 'field-error', id }, message));
  }
  form.prepend(
    h(
      'div',
      { class: 'form-error', role: 'alert' },
      h('p', {}, problemSummary(error)),
      unplaced.length
        ? h(
            'ul',
            {},
            unplaced.map((m) => h('li', {}, m)),
          )
        : null,
    ),
  );
  form.querySelector('[aria-invalid="true"]')?.focus();
}

const isEmpty = (input) =>
  input.type === 'file' ? input.files.length === 0 : 'value' in input && input.value.trim() === '';

export function clearProblem(form) {
  form.querySelectorAll('.form-error').forEach((e) => e.remove());
  form.querySelectorAll('.field-error').forEach((e) => {
    const input = form.querySelector(`[aria-describedby~="${e.id}"]`);
    if (input) {
      const rest = input
        .getAttribute('aria-describedby')
        .split(' ')
        .filter((x) => x !== e.id);
      rest.length ? input.setAttribute('aria-describedby', rest.join(' ')) : input.removeAttribute('aria-describedby');
    }
    e.remove();
  });
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}
