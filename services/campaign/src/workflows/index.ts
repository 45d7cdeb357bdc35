// Everything the campaign worker runs as a workflow; bundled by Temporal's webpack bundler.
export { campaignWorkflow } from './campaign.workflow';
