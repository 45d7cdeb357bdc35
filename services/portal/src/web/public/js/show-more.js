import { apiPage } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { problemSummary } from './problems.js';

const FOCUSABLE = 'a[href], button, input, select, textarea';

/** The list's address for the page after `cursor` (the service's own page size). */
const nextPath = (path, cursor) => `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;

/**
 * Under a paged list (issue 19): a "Show more" button while the answer named a next page. Each press
 * appends the next page (`append(items)` adds them and returns the elements added, or for a list
 * that is a select, the select), moves focus to the first of those, so the keyboard and a screen
 * reader carry on where the list grew, and says how many are shown. Null when there is no next page.
 */
export function showMore({ path, nextCursor, shown, itemsOf, append }) {
  if (!nextCursor) return null;
  let cursor = nextCursor;
  let busy = false;
  const status = h('p', { role: 'status', class: 'hint' });
  const button = h('button', { type: 'button', class: 'secondary' }, t('list.more'));
  const box = h('div', { class: 'show-more' }, button, status);
  button.addEventListener('click', async () => {
    if (busy) return; // a second press while a page is on its way would ask for it twice
    busy = true;
    button.setAttribute('aria-busy', 'true');
    try {
      const page = await apiPage(nextPath(path, cursor));
      const items = itemsOf(page.data);
      const added = items.length ? append(items) : [];
      shown += items.length;
      cursor = page.nextCursor;
      status.textContent = t(cursor ? 'list.shown' : 'list.allShown', { n: shown });
      if (!cursor) button.remove();
      focusFirst(added, status);
    } catch (error) {
      status.textContent = problemSummary(error);
    } finally {
      busy = false;
      button.removeAttribute('aria-busy');
    }
  });
  return box;
}

/** Adds the elements to the list and returns them: what `showMore`'s `append` answers. */
export function appendTo(list, elements) {
  list.append(...elements);
  return elements;
}

/** The first new item's link or button, or the item itself; the status once the button is gone and nothing came. */
function focusFirst(added, status) {
  const first = added[0];
  const target = first ? (first.matches(FOCUSABLE) ? first : (first.querySelector(FOCUSABLE) ?? first)) : null;
  if (target) {
    if (!target.matches(FOCUSABLE)) target.setAttribute('tabindex', '-1');
    target.focus();
  } else if (!status.previousElementSibling) {
    status.setAttribute('tabindex', '-1');
    status.focus();
  }
}
