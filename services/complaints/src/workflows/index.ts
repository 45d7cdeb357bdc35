// Everything the complaints worker runs as a workflow; bundled by Temporal's webpack bundler.
export { complaintLifecycleWorkflow } from './complaint-lifecycle.workflow';
export { pipesCheckWorkflow } from './pipes-check.workflow';
