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

export const dropEarly = () => early.clear();

export async function api(method, path, body) {
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
  return data;
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
