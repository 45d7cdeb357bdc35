// Who is signed in, shared by the shell and the views (kept apart from app.js, whose start-up awaits
// the first view: a view importing app.js would wait for itself).
import { ApiProblem, api, setCsrfToken } from './api.js';

export const state = { session: null };
const listeners = [];

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

export async function refreshSession() {
  try {
    state.session = await api('GET', '/api/session');
    setCsrfToken(state.session.csrfToken);
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status !== 401) throw error;
    state.session = null;
    setCsrfToken(null);
  }
  listeners.forEach((l) => l(state.session));
}

/** Navigates; re-renders when already there (hashchange would not fire). */
export function go(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
