import { join } from 'node:path';
import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { migrate } from '@vax/event-sourcing';
import { PG_POOL, PlatformModule, signerFromSettings } from '@vax/platform';
import cookieParser from 'cookie-parser';
import type { Pool } from 'pg';
import { AccountStore } from './accounts/account.store';
import { CitizenHttpController } from './api/citizen.http-controller';
import { CertificateChecksHttpController } from './api/certificate-checks.http-controller';
import { DeskHttpController } from './api/desk.http-controller';
import { ManagerHttpController } from './api/manager.http-controller';
import { CampaignsHttpController } from './api/campaigns.http-controller';
import { SiteWorklistsHttpController } from './api/site-worklists.http-controller';
import { ComplaintsHttpController } from './api/complaints.http-controller';
import { AttestationsHttpController } from './api/attestations.http-controller';
import { ReferenceHttpController } from './api/reference.http-controller';
import { sameOriginOnly } from './auth/same-origin.middleware';
import { SessionGuard } from './auth/session.guard';
import { SessionStore } from './auth/session.store';
import { SignInCodeStore } from './auth/sign-in-code.store';
import { SignInLimits } from './auth/sign-in.limits';
import { SignInHttpController } from './auth/sign-in.http-controller';
import { SignInService } from './auth/sign-in.service';
import { DEFAULT_SIGN_IN_POLICY } from './domain/sign-in-policy';
import { DevOutboxHttpController } from './notifications/dev-outbox.http-controller';
import { DevelopmentOutboxSender } from './notifications/development-outbox.sender';
import { NOTIFICATION_SENDER, type NotificationSender } from './notifications/notification.port';
import { SmsGatewaySender } from './notifications/sms-gateway.sender';
import type { PortalConfig } from './portal.config';
import { PORTAL_MIGRATIONS } from './portal.migrations';
import { PORTAL_COOKIE_SECURE } from './portal.tokens';
import { PlatformStatusController } from './status/platform-status.controller';
import { UpstreamClient } from './upstream/upstream.client';
import { WebAssetsController } from './web/web-assets.controller';

export const SERVICE_NAME = 'portal';
export const DEMO_ACCOUNTS_FILE = join(__dirname, 'accounts', 'demo-accounts.json');

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
        PlatformStatusController,
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
          provide: AccountStore,
          inject: [PG_POOL],
          useFactory: async (pool: Pool) => {
            await migrate(pool, PORTAL_MIGRATIONS);
            const accounts = new AccountStore(pool);
            if (config.ACCOUNTS_SEED_FILE) await accounts.seed(config.ACCOUNTS_SEED_FILE);
            return accounts;
          },
        },
        {
          provide: SessionStore,
          inject: [PG_POOL, AccountStore],
          useFactory: (pool: Pool) => new SessionStore(pool, config.SESSION_IDLE_MINUTES),
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
          provide: NOTIFICATION_SENDER,
          inject: [PG_POOL, AccountStore],
          useFactory: (pool: Pool): NotificationSender =>
            config.NOTIFICATIONS === 'sms-gateway'
              ? new SmsGatewaySender(config.SMS_GATEWAY_URL!, config.SMS_GATEWAY_API_KEY!)
              : new DevelopmentOutboxSender(pool),
        },
        {
          provide: SignInService,
          inject: [AccountStore, PG_POOL, NOTIFICATION_SENDER, UpstreamClient],
          useFactory: (accounts: AccountStore, pool: Pool, sender: NotificationSender, upstream: UpstreamClient) =>
            new SignInService(
              accounts,
              new SignInCodeStore(pool, config.CODE_HASH_SECRET),
              new SignInLimits(pool, signInPolicy, config.CODE_HASH_SECRET),
              sender,
              upstream,
              signInPolicy,
            ),
        },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // '{*path}', not '*path': the bare address (the page, which reads the session) has no segment.
    consumer.apply(cookieParser(), sameOriginOnly).forRoutes('{*path}');
  }
}
