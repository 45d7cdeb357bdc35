/**
 * One replica of the certification service's reissue, as its own process (the production shape:
 * each replica its own event loop, heap and pool): told the database, the signing chain and the
 * policy over IPC, it drains partitions with PolicyReissue as the service's start-up does, then
 * answers with its tally and the CPU it used. Started by certificate-reissue.bench.ts.
 */
import { PostgresEventStore } from '@vax/event-sourcing';
import { Pool } from 'pg';
import { DccCertificateSigner } from '../services/certification/src/adapters/hcert/dcc-certificate-signer';
import type { SigningChainPem } from '../services/certification/src/adapters/keys/development-keys';
import { signingKeysOf } from '../services/certification/src/adapters/keys/signing-keys';
import { PolicyReissue, type ReissueTally } from '../services/certification/src/adapters/postgres/policy-reissue';
import { CertificationService } from '../services/certification/src/application/certification.service';
import {
  loadCertificationReference,
  type ReferenceData,
} from '../services/certification/src/reference/certification-reference.loader';

export interface ReplicaOrder {
  databaseUrl: string;
  chain: SigningChainPem;
  issuingEntity: string;
  owner: string;
  concurrency: number;
  referenceData: ReferenceData;
}

export interface ReplicaAnswer {
  tally?: ReissueTally;
  cpuSeconds?: number;
  error?: string;
}

async function drain(order: ReplicaOrder): Promise<ReplicaAnswer> {
  const cpu = process.cpuUsage();
  const pool = new Pool({ connectionString: order.databaseUrl, max: order.concurrency + 2 });
  try {
    const keys = signingKeysOf(order.chain, true, new Date());
    const reference = loadCertificationReference(order.referenceData);
    const signer = new DccCertificateSigner(keys, reference, order.issuingEntity);
    const service = new CertificationService(new PostgresEventStore(pool), signer, reference);
    const tally = await new PolicyReissue(pool, service, {
      owner: order.owner,
      concurrency: order.concurrency,
    }).drain();
    const used = process.cpuUsage(cpu);
    return { tally, cpuSeconds: (used.user + used.system) / 1e6 };
  } finally {
    await pool.end();
  }
}

process.once('message', (order: ReplicaOrder) => {
  drain(order)
    .catch((error: Error) => ({ error: error.message }))
    .then((answer) => process.send!(answer, () => process.exit(0)));
});
