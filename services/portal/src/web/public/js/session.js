// Who is signed in, shared by the shell and the views (kept apart from app.js, whose start-up awaits
// the first view: a view importing app.js would wait for itself).
import { ApiProblem, api, hasEarly, setCsrfToken } from './api.js';

export const state = { session: null };
const listeners = [];
// Whether this browser signed in (the session cookie itself is HttpOnly): an anonymous visit does not
// ask the server who it is, so its console shows no 401 on every load.
const MAY_HAVE_SESSION = 'vax.mayHaveSession';

const HOME = {
  citizen: '#/citizen',
  'site-staff': '#/queue',
  'police-verifier': '#/queue',
  'site-head': '#/attest',
  'commune-chairman': '#/attest',
  manager: '#/manager',
};

export const homeOf = (session) => (session ? HOME[session.role] || '#/' : '#/');
export const onSessionChange = (listener) => listeners.push(listener);

/** The role this browser was last signed in with (kept with the flag), or null: what to ask for early. */
export const lastRole = () => {
  const kept = localStorage.getItem(MAY_HAVE_SESSION);
  return kept && kept !== '1' ? kept : null;
};

export async function refreshSession() {
  // The page may carry the session (the server writes it for a signed-in request): then it is asked for nothing.
  const mayHave = hasEarly('/api/session') || localStorage.getItem(MAY_HAVE_SESSION);
  state.session = mayHave ? await currentSession() : null;
  setCsrfToken(state.session?.csrfToken ?? null);
  if (state.session) localStorage.setItem(MAY_HAVE_SESSION, state.session.role);
  if (!state.session) {
    localStorage.removeItem(MAY_HAVE_SESSION);
    sessionStorage.removeItem(ID_NUMBER);
    await forgetKept();
  }
  listeners.forEach((l) => l(state.session));
}

// The ID number a citizen signed in with, to start the complaint form from: this tab only, gone at sign-out.
const ID_NUMBER = 'vax.signInIdNumber';
export const signInIdNumber = () => sessionStorage.getItem(ID_NUMBER);

/** After the server answered a sign-in: the session now exists. */
export async function signedIn(idNumber) {
  localStorage.setItem(MAY_HAVE_SESSION, '1');
  if (idNumber) sessionStorage.setItem(ID_NUMBER, idNumber);
  await refreshSession();
}

/** What the service worker kept for offline use (the citizen's record and certificate) goes at sign-out. */
async function forgetKept() {
  if (globalThis.caches) await caches.delete('portal-mine-v1').catch(() => undefined);
}

async function currentSession() {
  try {
    return await api('GET', '/api/session');
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status !== 401) throw error;
    return null;
  }
}

/** Navigates; re-renders when already there (hashchange would not fire). */
export function go(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
