export const SITE_DIRECTORY = Symbol('SITE_DIRECTORY');
/** The largest upload accepted, in bytes (IMPORT_MAX_BYTES). */
export const IMPORT_MAX_BYTES = Symbol('IMPORT_MAX_BYTES');
