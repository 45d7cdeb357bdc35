// What every form does the same way: one submission at a time, and dates as dd/mm/yyyy whatever the
// browser's locale (a date input follows the browser: mm/dd/yyyy in an en-US browser).
import { h } from './dom.js';
import { clearProblem, showProblem } from './problems.js';

/**
 * Runs the form's action with every control disabled, so a second press cannot send it twice; a
 * refusal is shown on the form, which comes back enabled. On success the caller redraws the view.
 */
export async function submitting(form, work) {
  const controls = [...form.elements].filter((c) => !c.disabled);
  clearProblem(form);
  controls.forEach((c) => (c.disabled = true));
  form.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } catch (error) {
    showProblem(form, error);
    return undefined;
  } finally {
    controls.forEach((c) => (c.disabled = false));
    form.removeAttribute('aria-busy');
  }
}

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** dd/mm/yyyy (or yyyy-mm-dd, as a scanner or a paste gives it) as yyyy-mm-dd; '' when empty; the text as typed when it is not a real date, for the service to name the rule. */
export function isoDate(text) {
  const value = text.trim();
  if (!value) return '';
  const dmy = DMY.exec(value);
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]] : (YMD.exec(value)?.slice(1) ?? []);
  if (!y) return value;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const real = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(real.getTime()) && real.toISOString().startsWith(iso) ? iso : value;
}

export const dmyOf = (iso) => (iso ? iso.slice(0, 10).split('-').reverse().join('/') : '');

/** A date typed as dd/mm/yyyy; read it with isoDate(input.value). */
export function dateInput(name, { value = '', required = false } = {}) {
  return h('input', {
    name,
    value: dmyOf(value),
    required,
    inputmode: 'numeric',
    autocomplete: 'off',
    placeholder: 'dd/mm/yyyy',
    'data-date': true,
  });
}
