export const SITE_DIRECTORY = Symbol('SITE_DIRECTORY');
