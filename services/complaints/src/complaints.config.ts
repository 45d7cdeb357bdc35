import { WorkflowServiceConfig } from '@vax/platform';

/** Settings of the complaints service, read from the environment and validated at start-up. */
export class ComplaintsConfig extends WorkflowServiceConfig {}
