// Calls to the portal's own API: the session cookie goes by itself; changes carry the CSRF token.
import { localizedCsv } from './csv.js';

let csrfToken = null;

export const setCsrfToken = (token) => (csrfToken = token);

export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

// GETs asked at start, before their view asks (router.js): each answer serves the first api() call
// for its path, once; what the first render did not use is dropped, never served stale later.
const early = new Map();

export function fetchEarly(paths) {
  for (const path of paths)
    if (!early.has(path))
      early.set(
        path,
        fetch(path, { headers: { accept: 'application/json' } }).catch(() => null),
      );
}

/**
 * Answers the server wrote into the page (the signed-in person's first data, `#first-data`), taken
 * as if asked for at start: the first api() call for each path gets it, with no request.
 */
export function takeFirstData(doc = document) {
  const block = doc.getElementById('first-data');
  if (!block) return;
  block.remove(); // read once; the page keeps no second copy of personal data
  const answers = JSON.parse(block.textContent);
  for (const [path, { status, body }] of Object.entries(answers))
    early.set(
      path,
      Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })),
    );
}

/** Whether an answer for the path is already here or on its way. */
export const hasEarly = (path) => early.has(path);

export const dropEarly = () => early.clear();

export async function api(method, path, body) {
  return (await answered(method, path, body)).data;
}

/**
 * A page of a paged list (issue 19): its answer and the next page's cursor, from `X-Next-Cursor` beside
 * a bare array or the body's `nextCursor`; null on the last page.
 */
export async function apiPage(path) {
  const { res, data } = await answered('GET', path);
  return { data, nextCursor: res.headers.get('x-next-cursor') || data?.nextCursor || null };
}

async function answered(method, path, body) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const asked = method === 'GET' ? early.get(path) : undefined;
  early.delete(path);
  const res =
    (asked && (await asked)) ||
    (await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
  const type = res.headers.get('content-type') || '';
  const data = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw new ApiProblem(res.status, typeof data === 'object' ? data : { title: data });
  return { res, data };
}

/** Downloads a file the API answers (CSV, PDF) under the name the server gives; a CSV in the page's language. */
export async function download(path, fallbackName) {
  const res = await fetch(path, { headers: { accept: '*/*' } });
  if (!res.ok) throw new ApiProblem(res.status, await res.json().catch(() => ({ title: res.statusText })));
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') || '')?.[1] || fallbackName;
  const csv = /^text\/csv/.test(res.headers.get('content-type') || '');
  const file = csv ? new Blob([localizedCsv(await res.text())], { type: 'text/csv;charset=utf-8' }) : await res.blob();
  const url = URL.createObjectURL(file);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Sends a file as the request body (streamed by the browser, never read into the page), with the CSRF token. */
export async function upload(path, file, contentType) {
  const headers = { accept: 'application/json', 'content-type': contentType };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, { method: 'POST', headers, body: file });
  const data = (res.headers.get('content-type') || '').includes('json')
    ? await res.json()
    : { title: await res.text() };
  if (!res.ok) throw new ApiProblem(res.status, data);
  return data;
}
