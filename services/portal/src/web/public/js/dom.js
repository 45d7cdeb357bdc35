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

/** A labelled form field; `hint` is read by screen readers with the input; a required one says so. */
export function field(id, labelKey, input, hint) {
  input.id = id;
  if (hint) input.setAttribute('aria-describedby', `${id}-hint`);
  const mark = input.required ? h('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *') : null;
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, t(labelKey), mark),
    input,
    hint ? h('small', { id: `${id}-hint` }, hint) : null,
  );
}
