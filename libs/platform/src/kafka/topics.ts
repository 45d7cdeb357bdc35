/**
 * Topic names, one per context and contract version. deploy/kafka/topics.json is the catalog the
 * deploy scripts and docker-compose create topics from, with partition counts; a unit test keeps
 * the two in step.
 */
export const Topics = {
  diagnostics: 'platform.diagnostics.v1',
  identityEvents: 'identity.events.v1',
  identityBulkRequests: 'identity.bulk-requests.v1',
  identityBulkRequestsV2: 'identity.bulk-requests.v2',
  identityBulkResultsV2: 'identity.bulk-results.v2',
  injectionsEvents: 'injections.events.v1',
  injectionsCorrections: 'injections.corrections.v1',
  injectionsAttestations: 'injections.attestations.v1',
  complaintsEvents: 'complaints.events.v1',
  certificationEvents: 'certification.events.v1',
  campaignEvents: 'campaign.events.v1',
  injectionsLegacyDoseOutcomes: 'injections.legacy-dose-outcomes.v1',
  deadLetter: 'platform.dead-letter.v1',
} as const;
