import { Expose } from 'class-transformer';
import { IsString, IsUrl, MinLength } from 'class-validator';
import { DatabaseConfig } from '@vax/platform';

const serviceUrl = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
const message = 'must be the http(s) base URL of the service';

/** The portal owns only sessions (its database) and calls the other services over HTTP. */
export class PortalConfig extends DatabaseConfig {
  @Expose() @IsUrl(serviceUrl, { message }) IDENTITY_URL!: string;
  @Expose() @IsUrl(serviceUrl, { message }) INJECTIONS_URL!: string;
  @Expose() @IsUrl(serviceUrl, { message }) COMPLAINTS_URL!: string;
  @Expose() @IsUrl(serviceUrl, { message }) CERTIFICATION_URL!: string;

  /** Signs the actor tokens the services verify; shared with them. */
  @Expose()
  @IsString({ message: 'is required (at least 32 characters shared with the services)' })
  @MinLength(32, { message: 'must be at least 32 characters' })
  SERVICE_AUTH_SECRET!: string;
}
