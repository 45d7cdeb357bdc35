import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PG_POOL } from '@vax/platform';
import type { Pool } from 'pg';
import { SIGNING_KEYS } from '../http/certificates.http-controller';
import { CertificationService } from '../../application/certification.service';
import { PolicyReissue } from './policy-reissue';
import { drainWithThreads } from './policy-reissue.threads';
import type { CertificationConfig } from '../../certification.config';
import type { SigningKeys } from '../keys/signing-keys';

export const CERTIFICATION_CONFIG = Symbol('CERTIFICATION_CONFIG');

/**
 * When the policy in force is new (another vaccines.json deployed), every certificate is re-derived
 * under it: the run is registered once, and this replica drains partitions in the background (in
 * its own thread, or in CERTIFICATION_REISSUE_THREADS worker threads) alongside the other replicas.
 */
@Injectable()
export class PolicyReissueOnStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('policy-reissue');

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CertificationService) private readonly certification: CertificationService,
    @Inject(SIGNING_KEYS) private readonly keys: SigningKeys,
    @Inject(CERTIFICATION_CONFIG) private readonly config: CertificationConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.run().catch((error: Error) => this.logger.error({ msg: 'policy reissue stopped', error: error.message }));
  }

  private async run(): Promise<void> {
    const owner = `certification-${process.pid}`;
    const reissue = new PolicyReissue(this.pool, this.certification, { owner });
    if (await reissue.register())
      this.logger.log({ msg: 'policy changed: reissuing', policy: this.certification.policyVersion });
    if (await reissue.finished()) return;
    const { CERTIFICATION_REISSUE_THREADS: threads, DATABASE_URL, CERTIFICATION_ISSUING_ENTITY } = this.config;
    const tally = threads
      ? await drainWithThreads(threads, {
          databaseUrl: DATABASE_URL,
          keys: this.keys,
          issuingEntity: CERTIFICATION_ISSUING_ENTITY,
          owner,
          concurrency: 8,
        })
      : await reissue.drain();
    this.logger.log({
      msg: 'policy reissue: partitions done here',
      policy: this.certification.policyVersion,
      ...tally,
    });
  }
}
