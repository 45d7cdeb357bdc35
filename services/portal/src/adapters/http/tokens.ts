/** COOKIE_SECURE: whether the session cookie is marked Secure (HTTPS only). */
export const PORTAL_COOKIE_SECURE = Symbol('PORTAL_COOKIE_SECURE');
