import { parentPort, workerData } from 'node:worker_threads';
import { PostgresEventStore } from '@vax/event-sourcing';
import { Pool } from 'pg';
import type { SigningKeys } from '../keys/signing-keys';
import { loadCertificationReference, type ReferenceData } from '../../reference/certification-reference.loader';
import { DccCertificateSigner } from '../hcert/dcc-certificate-signer';
import { CertificationService } from '../../application/certification.service';
import { PolicyReissue } from './policy-reissue';

/** What a reissue thread is started with (structured-cloned: key objects and buffers cross threads). */
export interface ReissueThreadData {
  databaseUrl: string;
  keys: SigningKeys;
  issuingEntity: string;
  owner: string;
  concurrency: number;
  /** The policy in force; the shipped vaccines.json when absent. */
  referenceData?: ReferenceData;
}

/** One thread draining partitions with its own pool, store and signer; answers with its tally. */
async function run(data: ReissueThreadData): Promise<void> {
  const pool = new Pool({ connectionString: data.databaseUrl, max: data.concurrency + 2 });
  try {
    const reference = loadCertificationReference(data.referenceData);
    const store = new PostgresEventStore(pool);
    const service = new CertificationService(
      store,
      new DccCertificateSigner(data.keys, reference, data.issuingEntity),
      reference,
    );
    const tally = await new PolicyReissue(pool, service, { owner: data.owner, concurrency: data.concurrency }).drain();
    parentPort?.postMessage({ tally });
  } finally {
    await pool.end();
  }
}

run(workerData as ReissueThreadData).catch((error: Error) => parentPort?.postMessage({ error: error.message }));
