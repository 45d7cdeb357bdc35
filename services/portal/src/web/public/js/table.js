import { download } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

/** A data table that scrolls sideways on a phone; each cell carries its column's name for narrow layouts. */
export function table(columns, rows) {
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0 },
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((c) => h('th', { scope: 'col' }, t(`column.${c}`))),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((r) =>
          h(
            'tr',
            {},
            r.map((v, i) => h('td', { 'data-label': t(`column.${columns[i]}`) }, String(v))),
          ),
        ),
      ),
    ),
  );
}

export const csvButton = (path, name) =>
  h('button', { type: 'button', class: 'secondary', onclick: () => download(path, name) }, t('manager.csv'));
