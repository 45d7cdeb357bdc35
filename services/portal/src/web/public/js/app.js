// The portal's single page: who is signed in decides the menu; each route is a view module.
import { ApiProblem, api } from './api.js';
import { h } from './dom.js';
import { loadTexts, t } from './i18n.js';
import { go, homeOf, onSessionChange, refreshSession, state } from './session.js';

const MENUS = {
  citizen: [
    ['#/citizen', 'menu.myRecord'],
    ['#/complaints', 'menu.myComplaints'],
  ],
  'site-staff': [
    ['#/queue', 'menu.queue'],
    ['#/desk', 'menu.desk'],
  ],
  'police-verifier': [['#/queue', 'menu.queue']],
  'site-head': [['#/attest', 'menu.attest']],
  'commune-chairman': [['#/attest', 'menu.attest']],
  manager: [['#/manager', 'menu.dashboard']],
};
const ROUTES = {
  '#/': () => import('./views/sign-in.js'),
  '#/citizen': () => import('./views/citizen.js'),
  '#/desk': () => import('./views/desk.js'),
  '#/attest': () => import('./views/attest.js'),
  '#/manager': () => import('./views/manager.js'),
  '#/dev/outbox': () => import('./views/dev-outbox.js'),
  '#/complaints': () => import('./views/my-complaints.js'),
  '#/complaints/new': () => import('./views/complaint-new.js'),
  '#/complaint': () => import('./views/complaint.js'),
  '#/queue': () => import('./views/queue.js'),
};

onSessionChange(() => renderChrome());

function renderChrome() {
  const s = state.session;
  document.getElementById('who').textContent = s ? s.displayName : '';
  document.getElementById('sign-out').hidden = !s;
  const menu = document.getElementById('menu');
  menu.hidden = !s;
  menu.replaceChildren(...(s ? MENUS[s.role] || [] : []).map(([href, key]) => h('a', { href }, t(key))));
}

async function render() {
  const route = location.hash.split('?')[0] || '#/';
  const view = document.getElementById('view');
  const load = ROUTES[route] || ROUTES['#/'];
  const module = await load();
  view.replaceChildren();
  try {
    await module.render(view, state);
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) return void (await refreshSession(), go('#/'));
    view.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, error.problem?.detail || error.message));
  }
  view.focus({ preventScroll: true });
}

document.getElementById('sign-out').addEventListener('click', async () => {
  await api('DELETE', '/api/session').catch(() => undefined);
  await refreshSession();
  go('#/');
});
document.querySelectorAll('[data-lang]').forEach((b) =>
  b.addEventListener('click', async () => {
    await loadTexts(b.dataset.lang);
    renderChrome();
    await render();
  }),
);
window.addEventListener('hashchange', render);

await loadTexts();
await refreshSession();
if (!location.hash || location.hash === '#/') {
  if (state.session) location.hash = homeOf(state.session);
}
await render();
