import {
  DynamicModule,
  Module,
  type OnModuleDestroy,
  type OnModuleInit,
  Inject,
  Injectable,
  Logger,
} from '@nestjs/common';
import type { EventStore } from '@vax/event-sourcing';
import { Inbox } from '@vax/messaging';
import {
  DiagnosticsModule,
  EVENT_STORE,
  EventSourcingModule,
  PG_POOL,
  PlatformModule,
  PersonAccessStore,
} from '@vax/platform';
import type { Pool } from 'pg';
import {
  CERTIFICATION_REFERENCE,
  CertificatesHttpController,
  SIGNING_KEYS,
} from './adapters/http/certificates.http-controller';
import { VerificationReferenceHttpController } from './adapters/http/verification-reference.http-controller';
import { VERIFICATION_REFERENCE, VerificationHttpController } from './adapters/http/verification.http-controller';
import { ComplaintsEventsKafkaConsumer } from './adapters/kafka/complaints-events.kafka-consumer';
import { IdentityEventsKafkaConsumer } from './adapters/kafka/identity-events.kafka-consumer';
import { CERTIFICATION_INBOX, InjectionsEventsKafkaConsumer } from './adapters/kafka/injections-events.kafka-consumer';
import { DccCertificateSigner } from './adapters/hcert/dcc-certificate-signer';
import { certificationEventToContractV1 } from './application/certification-events.to-contract-v1';
import { CERTIFICATION_MIGRATIONS } from './adapters/postgres/certification.migrations';
import { CertificationService } from './application/certification.service';
import { RevocationListQuery } from './adapters/postgres/revocation-list.query';
import { TrustListRepository } from './adapters/postgres/trust-list.repository';
import { VerificationReference } from './application/verification-reference';
import type { CertificationConfig } from './certification.config';
import type { SigningKeys } from './adapters/keys/signing-keys';
import { certificateRevocationsProjection } from './projections/certificate-revocations.projection';
import { CERTIFICATION_CONFIG, PolicyReissueOnStart } from './adapters/postgres/policy-reissue.on-start';
import { SHIPPED_RULES_DIR } from './reference/business-rules.loader';
import { loadCertificationReference } from './reference/certification-reference.loader';
import { SHIPPED_VALUE_SETS_DIR } from './reference/value-sets.loader';
import { certificationUpcasters } from './domain/certificate/certification.upcasters';

export const SERVICE_NAME = 'certification';

/** Puts the signing certificate on the trust list once the tables exist (migrations run first). */
@Injectable()
class SignerRegistration implements OnModuleInit {
  constructor(
    @Inject(TrustListRepository) private readonly trustList: TrustListRepository,
    @Inject(SIGNING_KEYS) private readonly keys: SigningKeys,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.trustList.register(this.keys);
  }
}

/** Stops watching the rule and value-set files at shutdown. */
@Injectable()
class VerificationReferenceLifecycle implements OnModuleDestroy {
  constructor(@Inject(VERIFICATION_REFERENCE) private readonly reference: VerificationReference) {}

  onModuleDestroy(): void {
    this.reference.close();
  }
}

/** The rules and value sets read at start-up (a folder that does not read stops the process, naming the setting), then watched. */
function verificationReferenceOf(config: CertificationConfig): VerificationReference {
  const logger = new Logger('verification-reference');
  let reference: VerificationReference;
  try {
    reference = new VerificationReference(
      config.CERTIFICATION_RULES_DIR ?? SHIPPED_RULES_DIR,
      config.CERTIFICATION_VALUE_SETS ?? SHIPPED_VALUE_SETS_DIR,
      (outcome) => (outcome.reloaded ? logger.log(outcome) : logger.error(outcome)),
    );
  } catch (error) {
    throw new Error(`CERTIFICATION_RULES_DIR or CERTIFICATION_VALUE_SETS: ${(error as Error).message}`);
  }
  reference.watch();
  return reference;
}

@Module({})
export class CertificationModule {
  static forRoot(config: CertificationConfig, keys: SigningKeys): DynamicModule {
    const reference = loadCertificationReference();
    return {
      module: CertificationModule,
      imports: [
        PlatformModule.forService(SERVICE_NAME, config),
        EventSourcingModule.forService({
          service: SERVICE_NAME,
          migrations: CERTIFICATION_MIGRATIONS,
          toMessage: certificationEventToContractV1,
          publish: config.PUBLISHER_ENABLED,
          projections: [certificateRevocationsProjection],
          upcasters: certificationUpcasters,
        }),
        DiagnosticsModule.register(SERVICE_NAME, config.DIAGNOSTICS_ENABLED),
      ],
      controllers: [
        CertificatesHttpController,
        VerificationHttpController,
        VerificationReferenceHttpController,
        InjectionsEventsKafkaConsumer,
        IdentityEventsKafkaConsumer,
        ComplaintsEventsKafkaConsumer,
      ],
      providers: [
        { provide: SIGNING_KEYS, useValue: keys },
        { provide: VERIFICATION_REFERENCE, useFactory: () => verificationReferenceOf(config) },
        VerificationReferenceLifecycle,
        { provide: CERTIFICATION_CONFIG, useValue: config },
        PolicyReissueOnStart,
        { provide: CERTIFICATION_REFERENCE, useValue: reference },
        { provide: CERTIFICATION_INBOX, inject: [PG_POOL], useFactory: (pool: Pool) => new Inbox(pool, SERVICE_NAME) },
        { provide: TrustListRepository, inject: [PG_POOL], useFactory: (pool: Pool) => new TrustListRepository(pool) },
        {
          provide: RevocationListQuery,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => new RevocationListQuery(pool, reference.issuer.country),
        },
        {
          provide: CertificationService,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) =>
            new CertificationService(
              store,
              new DccCertificateSigner(keys, reference, config.CERTIFICATION_ISSUING_ENTITY),
              reference,
            ),
        },
        SignerRegistration,
        {
          provide: PersonAccessStore,
          inject: [PG_POOL],
          useFactory: (pool: Pool) => new PersonAccessStore(pool, config.VERIFICATION_FRESH_HOURS),
        },
      ],
    };
  }
}
