import { t } from './i18n.js';

/** Builds an element: h('p', { class: 'x' }, 'text', child). Text is always set as text, never as HTML. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

/** A labelled form field; `hint` is read by screen readers with the input. */
export function field(id, labelKey, input, hint) {
  input.id = id;
  if (hint) input.setAttribute('aria-describedby', `${id}-hint`);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, t(labelKey)),
    input,
    hint ? h('small', { id: `${id}-hint` }, hint) : null,
  );
}

/**
 * Shows an API problem in a form: the summary at the top, and each field's message next to its
 * input (by the field name the service gives), so the person sees what to fix where.
 */
export function showProblem(form, error) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  let summary = form.querySelector('.form-error');
  if (!summary) {
    summary = h('p', { class: 'form-error', role: 'alert' });
    form.prepend(summary);
  }
  const problem = error.problem || {};
  const key = `problem.${(problem.type || '').split('/').pop()}`;
  summary.textContent = t(key) !== key ? t(key) : problem.detail || problem.title || error.message;
  for (const e of problem.errors || []) {
    const input = form.querySelector(`[name="${e.field}"]`);
    if (!input) continue;
    input.setAttribute('aria-invalid', 'true');
    input.after(h('small', { class: 'field-error' }, e.message));
  }
}

export function clearProblem(form) {
  form.querySelector('.form-error')?.remove();
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
}
