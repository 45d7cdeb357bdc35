// One render path for every route: a route is drawn only by render(), which runs on hashchange and
// once at start. Navigation never renders by itself; it changes the hash (or, at start, replaces
// it without an event) and lets render() draw. A render overtaken by a newer one is dropped, so a
// page can never show two views at once, whatever triggers them.
import { ApiProblem, dropEarly, fetchEarly } from './api.js';
import { h } from './dom.js';
import { problemSummary } from './problems.js';
import { go, homeOf, lastRole, refreshSession, state } from './session.js';

const ROUTES = {
  '#/': () => import('./views/sign-in.js'),
  '#/citizen': () => import('./views/citizen.js'),
  '#/desk': () => import('./views/desk.js'),
  '#/check': () => import('./views/certificate-check.js'),
  '#/attest': () => import('./views/attest.js'),
  '#/manager': () => import('./views/manager.js'),
  '#/dev/outbox': () => import('./views/dev-outbox.js'),
  '#/complaints': () => import('./views/my-complaints.js'),
  '#/complaints/new': () => import('./views/complaint-new.js'),
  '#/complaint': () => import('./views/complaint.js'),
  '#/queue': () => import('./views/queue.js'),
  '#/review': () => import('./views/identity-review.js'),
};

// What each view asks for first. At start they are asked together with the session and the texts,
// where this browser was signed in with a role that may read them: on a 3G round trip of two
// seconds, one round trip fewer before the page is usable.
const FIRST_DATA = {
  '#/citizen': { role: 'citizen', paths: ['/api/me/record', '/api/me/certificate', '/api/reference', '/api/me/reads'] },
  '#/desk': { role: 'site-staff', paths: ['/api/reference'] },
  '#/queue': { role: 'site-staff', paths: ['/api/queue', '/api/reference'] },
};

let latest = 0;

export const currentRoute = () => location.hash.split('?')[0] || '#/';

/**
 * Starts loading the route's module, and its first data, while the texts and the session are still
 * on their way. The bare address is the home of the role this browser was last signed in with.
 */
export const prefetchRoute = () => {
  const role = lastRole();
  const route = currentRoute() === '#/' && role ? homeOf({ role }) : currentRoute();
  const first = FIRST_DATA[route];
  if (first && first.role === role) fetchEarly(first.paths);
  return (ROUTES[route] || ROUTES['#/'])().catch(() => undefined);
};

export async function render() {
  // The bare address of someone signed in is their home: replaced in place (no event), drawn here once.
  if (state.session && currentRoute() === '#/') history.replaceState(null, '', homeOf(state.session));
  const ticket = ++latest;
  const route = currentRoute();
  const module = await (ROUTES[route] || ROUTES['#/'])();
  // The view draws into its own box, shown only if no newer render started meanwhile.
  const box = h('div', { class: 'route' });
  try {
    await module.render(box, state);
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) {
      if (ticket === latest) await refreshSession().then(() => go('#/'));
      return;
    }
    box.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, problemSummary(error)));
  }
  dropEarly(); // what the first render did not use would be stale by the next
  if (ticket !== latest) return;
  const view = document.getElementById('view');
  view.replaceChildren(box);
  markCurrentMenu(route);
  view.focus({ preventScroll: true });
}

function markCurrentMenu(route) {
  for (const a of document.querySelectorAll('#menu a')) {
    if (a.getAttribute('href') === route) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

/** Starts routing: the first render, then one per hash change. */
export async function startRouter() {
  window.addEventListener('hashchange', render);
  await render();
}
