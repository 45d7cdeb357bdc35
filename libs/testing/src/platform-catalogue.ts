/**
 * The platform's processes as tests and the soak start them: each one's compiled entry point (under
 * dist/) and the database it uses (a worker shares its service's). In this order, ports are given out.
 */
export const PLATFORM_PROCESSES = [
  'identity',
  'injections',
  'certification',
  'complaints',
  'complaints-worker',
  'portal',
  // After the portal, so the ports of the others stay as they were.
  'campaign',
  'campaign-worker',
] as const;
export type PlatformProcess = (typeof PLATFORM_PROCESSES)[number];

export const ENTRY_POINT: Record<PlatformProcess, string> = {
  identity: 'services/identity/src/main.js',
  injections: 'services/injections/src/main.js',
  certification: 'services/certification/src/main.js',
  complaints: 'services/complaints/src/main.js',
  'complaints-worker': 'services/complaints/src/worker.main.js',
  portal: 'services/portal/src/main.js',
  campaign: 'services/campaign/src/main.js',
  'campaign-worker': 'services/campaign/src/worker.main.js',
};

/** The database a process uses: a worker shares its service's. */
export const databaseOf = (process: PlatformProcess): string => process.replace(/-worker$/, '');
