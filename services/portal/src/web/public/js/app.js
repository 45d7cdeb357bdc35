// The portal's single page: who is signed in decides the menu; each route is a view module.
import { api, takeFirstData } from './api.js';
import { h } from './dom.js';
import { loadTexts, t } from './i18n.js';
import { prefetchRoute, render, startRouter } from './router.js';
import { go, onSessionChange, refreshSession, state } from './session.js';

const MENUS = {
  citizen: [
    ['#/citizen', 'menu.myRecord'],
    ['#/complaints', 'menu.myComplaints'],
  ],
  'site-staff': [
    ['#/queue', 'menu.queue'],
    ['#/desk', 'menu.desk'],
    ['#/review', 'menu.review'],
    ['#/check', 'menu.check'],
  ],
  'police-verifier': [
    ['#/queue', 'menu.queue'],
    ['#/check', 'menu.check'],
  ],
  'site-head': [
    ['#/attest', 'menu.attest'],
    ['#/review', 'menu.review'],
    ['#/check', 'menu.check'],
  ],
  'commune-chairman': [['#/attest', 'menu.attest']],
  manager: [
    ['#/manager', 'menu.dashboard'],
    ['#/check', 'menu.check'],
  ],
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

// Keeps the certificate readable offline (sw.js); a browser without service workers simply goes without.
navigator.serviceWorker?.register('/sw.js').catch(() => undefined);
// A signed-in person's page carries their session and first data: nothing of it is asked again.
takeFirstData();
// Texts, session and the first view's module travel together: one round trip, not three.
prefetchRoute();
await Promise.all([loadTexts(), refreshSession()]);
renderChrome(); // the menu again, now that its texts are here
await startRouter();
