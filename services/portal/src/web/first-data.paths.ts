/**
 * Which API answers go into a signed-in person's page. The route (the address's #hash) never
 * reaches the server, so the choice is by role: each role's home view, as router.js's FIRST_DATA.
 * A citizen's home is the record (session, record, certificate with its QR, names, reads). Staff
 * (site staff, police verifiers) get the session and the reference names, which the desk (the page a
 * nurse opens on a phone) and the queue both draw from; other roles the session alone; the queue's own list is left to the browser, as is every other route's data:
 * an answer the first view does not use is dropped unread (api.js).
 */
const CITIZEN = ['/api/session', '/api/me/record', '/api/me/certificate', '/api/reference', '/api/me/reads'];
const STAFF = ['/api/session', '/api/reference'];

export function firstDataPaths(role: string): readonly string[] {
  switch (role) {
    case 'citizen':
      return CITIZEN;
    case 'site-staff':
    case 'police-verifier':
      return STAFF;
    default:
      return ['/api/session'];
  }
}
