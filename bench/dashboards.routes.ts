/** The routes the dashboards bench measures: who asks, through the portal, and of the service directly. */
import { CAMPAIGN_ID } from './campaign-rows.load';
import type { Reader } from './dashboards.platform';

export type Direct = ['injections' | 'complaints' | 'campaign', string];
/** Each route through the portal, and where the service answers it directly (the hop measured apart). */
export const routes = (citizen: string): [string, Reader, string, Direct | null][] => [
  [
    'doses by district, 2021–2030',
    'manager',
    '/api/manager/doses?groupBy=district&from=2021-01-01&to=2030-01-01',
    ['injections', '/statistics/doses?groupBy=district&from=2021-01-01&to=2030-01-01'],
  ],
  [
    'doses by day, 2021–2030',
    'manager',
    '/api/manager/doses?groupBy=day&from=2021-01-01&to=2030-01-01',
    ['injections', '/statistics/doses?groupBy=day&from=2021-01-01&to=2030-01-01'],
  ],
  [
    'doses by vaccine, mid-month to mid-month',
    'manager',
    '/api/manager/doses?groupBy=vaccine&from=2021-11-03&to=2022-02-17',
    ['injections', '/statistics/doses?groupBy=vaccine&from=2021-11-03&to=2022-02-17'],
  ],
  [
    'coverage by district and age',
    'manager',
    '/api/manager/coverage?year=2022',
    ['injections', '/statistics/coverage?year=2022'],
  ],
  [
    'verification share by commune',
    'manager',
    '/api/manager/verification-share?groupBy=commune',
    ['injections', '/statistics/verification-share?groupBy=commune'],
  ],
  [
    'SLA summary by district (province)',
    'manager',
    '/api/manager/sla/summary?groupBy=district',
    ['complaints', '/sla/summary?groupBy=district'],
  ],
  [
    'SLA: a district by site',
    'district manager',
    '/api/manager/sla/summary?groupBy=site',
    ['complaints', '/sla/summary?groupBy=site'],
  ],
  [
    'SLA breaches by day, a quarter',
    'manager',
    '/api/manager/sla/breaches?from=2022-06-01&to=2022-08-31',
    ['complaints', '/sla/breaches?from=2022-06-01&to=2022-08-31'],
  ],
  [
    'campaign progress by district',
    'manager',
    `/api/manager/campaigns/${CAMPAIGN_ID}/progress?groupBy=district`,
    ['campaign', `/campaigns/${CAMPAIGN_ID}/progress?groupBy=district`],
  ],
  [
    'campaign progress: a district by site',
    'district manager',
    `/api/manager/campaigns/${CAMPAIGN_ID}/progress?groupBy=site`,
    ['campaign', `/campaigns/${CAMPAIGN_ID}/progress?groupBy=site`],
  ],
  ["site: the unit's complaint queue, first page", 'site staff', '/api/queue', ['complaints', '/queue']],
  ['citizen: my record', 'citizen', '/api/me/record', ['injections', `/records/${citizen}`]],
  ['citizen: my complaints', 'citizen', '/api/complaints/mine', ['complaints', '/complaints/mine']],
  ['citizen: who read my data, first page', 'citizen', '/api/me/reads', null],
  ['session read (any signed-in call)', 'manager', '/api/session', null],
];
