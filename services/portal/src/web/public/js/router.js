// One render path for every route: a route is drawn only by render(), which runs on hashchange and
// once at start. Navigation never renders by itself; it changes the hash (or, at start, replaces
// it without an event) and lets render() draw. A render overtaken by a newer one is dropped, so a
// page can never show two views at once, whatever triggers them.
import { ApiProblem } from './api.js';
import { h } from './dom.js';
import { problemSummary } from './problems.js';
import { go, homeOf, refreshSession, state } from './session.js';

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
};

let latest = 0;

export const currentRoute = () => location.hash.split('?')[0] || '#/';

/** Starts loading the current route's module early, while the texts and the session are still on their way. */
export const prefetchRoute = () => (ROUTES[currentRoute()] || ROUTES['#/'])().catch(() => undefined);

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
