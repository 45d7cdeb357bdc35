import type { Projection } from '@vax/messaging';
import { campaignDosesProjection } from './campaign-doses.projection';
import { doseCountersProjection } from './dose-counters.projection';
import { doseRegisterProjection } from './dose-register.projection';
import { doseStatisticsProjection } from './dose-statistics.projection';

/** Every read model of injections; bump a projection's version to rebuild it beside the old one. */
export const INJECTIONS_PROJECTIONS: Projection[] = [
  doseStatisticsProjection,
  doseRegisterProjection,
  doseCountersProjection,
  campaignDosesProjection,
];
