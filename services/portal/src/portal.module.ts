import { join } from 'node:path';
import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { migrate } from '@vax/event-sourcing';
import { PG_POOL, PlatformModule, signerFromSettings } from '@vax/platform';
import cookieParser from 'cookie-parser';
import type { Pool } from 'pg';
import { AttestationsHttpController } from './adapters/http/attestations.http-controller';
import { CampaignsHttpController } from './adapters/http/campaigns.http-controller';
import { CertificateChecksHttpController } from './adapters/http/certificate-checks.http-controller';
import { CitizenHttpController } from './adapters/http/citizen.http-controller';
import { ComplaintsHttpController } from './adapters/http/complaints.http-controller';
import { DeskHttpController } from './adapters/http/desk.http-controller';
import { DevOutboxHttpController } from './adapters/http/dev-outbox.http-controller';
import { ManagerHttpController } from './adapters/http/manager.http-controller';
import { PlatformStatusHttpController } from './adapters/http/platform-status.http-controller';
import { ReferenceHttpController } from './adapters/http/reference.http-controller';
import { sameOriginOnly } from './adapters/http/same-origin.middleware';
import { SessionGuard } from './adapters/http/session.guard';
import { SignInHttpController } from './adapters/http/sign-in.http-controller';
import { SiteWorklistsHttpController } from './adapters/http/site-worklists.http-controller';
import { PORTAL_COOKIE_SECURE } from './adapters/http/tokens';
import { IdentityContactsClient } from './adapters/identity/identity-contacts.client';
import { DevelopmentOutboxSender } from './adapters/notifications/development-outbox.sender';
import { SmsGatewaySender } from './adapters/notifications/sms-gateway.sender';
import { PostgresAccounts } from './adapters/postgres/accounts.table';
import { PORTAL_MIGRATIONS } from './adapters/postgres/portal.migrations';
import { PostgresSessions } from './adapters/postgres/sessions.table';
import { PostgresSignInCodes } from './adapters/postgres/sign-in-codes.table';
import { PostgresSignInLimits } from './adapters/postgres/sign-in-limits.table';
import { UpstreamClient } from './adapters/upstream/upstream.client';
import { Accounts } from './application/ports/accounts.port';
import { NotificationSender } from './application/ports/notification-sender.port';
import { PersonContacts } from './application/ports/person-contacts.port';
import { Sessions } from './application/ports/sessions.port';
import { SignInCodes } from './application/ports/sign-in-codes.port';
import { SignInLimits } from './application/ports/sign-in-limits.port';
import { SignInService } from './application/sign-in.service';
import { DEFAULT_SIGN_IN_POLICY } from './domain/sign-in-policy';
import type { PortalConfig } from './portal.config';
import { WebAssetsController } from './web/web-assets.controller';

export const SERVICE_NAME = 'portal';
export const DEMO_ACCOUNTS_FILE = join(__dirname, 'reference', 'demo-accounts.json');

@Module({})
export class PortalModule implements NestModule {
  static forRoot(config: PortalConfig): DynamicModule {
    const signInPolicy = {
      ...DEFAULT_SIGN_IN_POLICY,
      signInsPerClientPerMinute: config.SIGN_INS_PER_CLIENT_PER_MINUTE,
      codesPerClientPerHour: config.CODES_PER_CLIENT_PER_HOUR,
      codesPerClientAndPerson: config.CODES_PER_CLIENT_AND_PERSON,
      codesPerPersonPerDay: config.CODES_PER_PERSON_PER_DAY,
    };
    return {
      module: PortalModule,
      imports: [PlatformModule.forService(SERVICE_NAME, config)],
      controllers: [
        PlatformStatusHttpController,
        SignInHttpController,
        CitizenHttpController,
        DeskHttpController,
        CertificateChecksHttpController,
        ManagerHttpController,
        CampaignsHttpController,
        SiteWorklistsHttpController,
        ComplaintsHttpController,
        AttestationsHttpController,
        ReferenceHttpController,
        DevOutboxHttpController,
        WebAssetsController,
      ],
      providers: [
        { provide: PORTAL_COOKIE_SECURE, useValue: config.COOKIE_SECURE },
        {
          // Migrations and the account seed run before anything is served.
          provide: Accounts,
          inject: [PG_POOL],
          useFactory: async (pool: Pool): Promise<Accounts> => {
            await migrate(pool, PORTAL_MIGRATIONS);
            const accounts = new PostgresAccounts(pool);
            if (config.ACCOUNTS_SEED_FILE) await accounts.seed(config.ACCOUNTS_SEED_FILE);
            return accounts;
          },
        },
        // The tables' adapters wait for Accounts, whose factory runs the migrations.
        {
          provide: Sessions,
          inject: [PG_POOL, Accounts],
          useFactory: (pool: Pool): Sessions => new PostgresSessions(pool, config.SESSION_IDLE_MINUTES),
        },
        {
          provide: SignInCodes,
          inject: [PG_POOL, Accounts],
          useFactory: (pool: Pool): SignInCodes => new PostgresSignInCodes(pool, config.CODE_HASH_SECRET),
        },
        {
          provide: SignInLimits,
          inject: [PG_POOL, Accounts],
          useFactory: (pool: Pool): SignInLimits =>
            new PostgresSignInLimits(pool, signInPolicy, config.CODE_HASH_SECRET),
        },
        SessionGuard,
        {
          provide: UpstreamClient,
          useFactory: async () =>
            new UpstreamClient(
              {
                identity: config.IDENTITY_URL,
                injections: config.INJECTIONS_URL,
                complaints: config.COMPLAINTS_URL,
                certification: config.CERTIFICATION_URL,
                campaign: config.CAMPAIGN_URL,
              },
              await signerFromSettings(config.ACTOR_TOKEN_PRIVATE_KEY, config.ACTOR_TOKEN_PRIVATE_KEY_FILE),
            ),
        },
        {
          provide: PersonContacts,
          inject: [UpstreamClient],
          useFactory: (upstream: UpstreamClient): PersonContacts => new IdentityContactsClient(upstream),
        },
        {
          provide: NotificationSender,
          inject: [PG_POOL, Accounts],
          useFactory: (pool: Pool): NotificationSender =>
            config.NOTIFICATIONS === 'sms-gateway'
              ? new SmsGatewaySender(config.SMS_GATEWAY_URL!, config.SMS_GATEWAY_API_KEY!)
              : new DevelopmentOutboxSender(pool),
        },
        {
          provide: SignInService,
          inject: [Accounts, SignInCodes, SignInLimits, NotificationSender, PersonContacts],
          useFactory: (
            accounts: Accounts,
            codes: SignInCodes,
            limits: SignInLimits,
            sender: NotificationSender,
            contacts: PersonContacts,
          ) => new SignInService(accounts, codes, limits, sender, contacts, signInPolicy),
        },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // '{*path}', not '*path': the bare address (the page, which reads the session) has no segment.
    consumer.apply(cookieParser(), sameOriginOnly).forRoutes('{*path}');
  }
}
