/**
 * Campaign accuracy: a site list generated from the synthetic population with injected errors and
 * duplicates (truth kept aside) goes the campaign's real way — CSV import, chunks verified by
 * identity's bulk matcher, answers stored, merge proposals — and every class is scored.
 *   npm run bench:campaign-accuracy   (BENCH_RECORDS=200000 BENCH_PEOPLE=480000)
 */
import { inTransaction } from '@vax/messaging';
import { CampaignsRepository } from '../services/campaign/src/adapters/postgres/campaigns.repository';
import { MergesRepository } from '../services/campaign/src/adapters/postgres/merges.repository';
import { VerificationRepository } from '../services/campaign/src/adapters/postgres/verification.repository';
import {
  DEFAULT_DUPLICATE_POLICY,
  proposeMerges,
} from '../services/campaign/src/domain/duplicates/duplicate-detection';
import { parseMapping } from '../services/campaign/src/domain/legacy-row/column-mapping';
import { importFile } from '../services/campaign/src/adapters/files/import-file';
import { loadCampaignReference } from '../services/campaign/src/reference/reference-data';
import { ChunkPlan } from '../services/campaign/src/workflows/campaign-chunks';
import { BulkVerificationService } from '../services/identity/src/application/bulk-verification.service';
import { DEFAULT_MATCH_POLICY } from '../services/identity/src/domain/matching/person-matcher';
import { LocalPopulationRegistry } from '../services/identity/src/adapters/local-registry/local-population.registry';
import { PostgresEventStore } from '@vax/event-sourcing';
import { fmt, machine, runBenchmark } from './bench-support';
import { CLASSES, MAPPING } from './campaign-legacy-list';
import { scoreCampaign } from './campaign-scoring';
import { campaignStage } from './campaign-stage';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 480_000);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 200_000);

async function main(): Promise<void> {
  const stage = await campaignStage('acc', PEOPLE, RECORDS);
  const { identityPool, pool, file, truth } = stage;
  console.log(
    `# Campaign accuracy — ${machine()}; registry of ${fmt(PEOPLE)} people, ${fmt(truth.rows - 1)} rows (${fmt(truth.duplicates)} injected duplicates, ${fmt(truth.namesakes)} namesakes vaccinated beside the person)`,
  );

  const reference = loadCampaignReference();
  await importFile(pool, file, {
    importId: 'acc',
    mapping: parseMapping(MAPPING),
    context: { ...reference, today: '2026-01-01', firstVaccinationDay: '2021-03-01' },
  });
  const campaigns = new CampaignsRepository(pool);
  await campaigns.create({
    campaignId: 'acc',
    name: 'accuracy',
    importIds: ['acc'],
    deadline: '2099-12-31',
    worklistDueDays: 7,
    status: 'running',
    createdBy: 'bench',
  });
  const identity = new BulkVerificationService(
    new PostgresEventStore(identityPool),
    new LocalPopulationRegistry(identityPool),
    DEFAULT_MATCH_POLICY,
  );
  const verification = new VerificationRepository(pool);
  const plan = new ChunkPlan('acc', await campaigns.extents('acc'), 2_000);
  for (let i = 0; i < plan.total; i++) {
    const chunk = plan.at(i);
    const records = await verification.rowsOfChunk(chunk);
    await verification.openBatch(chunk, records.length);
    const results = await identity.match(records);
    await inTransaction(pool, (tx) => verification.recordAnswers(tx, chunk.batchId, results));
  }
  const merges = new MergesRepository(pool);
  const groups = await merges.candidateGroups('acc', DEFAULT_DUPLICATE_POLICY);
  await merges.saveProposals(
    'acc',
    groups.flatMap((g) => proposeMerges(g, DEFAULT_DUPLICATE_POLICY)),
  );

  const score = await scoreCampaign(pool, 'acc', truth);
  console.log('\n## Classes (precision: of rows given the class, how many should have it; recall: the reverse)');
  console.log('| class | truth | given | precision | recall |\n|---|---:|---:|---:|---:|');
  for (const c of CLASSES) {
    const s = score.classes[c];
    console.log(`| ${c} | ${fmt(s.truth)} | ${fmt(s.given)} | ${pct(s.right, s.given)} | ${pct(s.right, s.truth)} |`);
  }
  console.log(
    `\n- match recall (should match, matched to the right person): ${pct(score.matchedRight, score.classes.matched.truth)} — target ≥ 99%`,
  );
  console.log(`- matches linked to a wrong person: ${fmt(score.matchedWrongPerson)}`);
  console.log('\n## Duplicates (merge proposals)');
  console.log(`- proposals: ${fmt(score.proposals)}; of two rows of one injection: ${fmt(score.proposalsRight)}`);
  console.log(
    `- precision: ${pct(score.proposalsRight, score.proposals)} — target ≥ 99.9% (never two different people)`,
  );
  console.log(`- proposals pairing two different people: ${fmt(score.proposalsDifferentPeople)}`);
  console.log(
    `- recall: ${pct(score.duplicatesFound, truth.duplicates)} of injected duplicates; ${pct(score.duplicatesFound, score.duplicatesWithId)} of those whose rows carry an ID number`,
  );
  await stage.close();
}

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${fmt((100 * a) / b, 3)}%`);

runBenchmark(main);
