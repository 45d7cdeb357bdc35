import { Expose, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, ValidateIf } from 'class-validator';
import { BackendServiceConfig } from '@vax/platform';

const gateway = (c: IdentityConfig) => c.REGISTRY_MODE === 'gateway';

/** Settings of the identity service, read from the environment and validated at start-up. */
export class IdentityConfig extends BackendServiceConfig {
  /** local: the registry table in this service's database (development, demos, tests); gateway: the national gateway. */
  @Expose()
  @IsIn(['local', 'gateway'], { message: 'must be local or gateway' })
  REGISTRY_MODE: 'local' | 'gateway' = 'local';

  @Expose()
  @ValidateIf(gateway)
  @IsString({ message: 'is required with REGISTRY_MODE=gateway (https URL)' })
  REGISTRY_GATEWAY_URL?: string;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(30_000)
  REGISTRY_TIMEOUT_MS = 2_000;

  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(5)
  REGISTRY_RETRIES = 2;

  /** PEM files for mutual TLS with the gateway. */
  @Expose() @IsOptional() @IsString() REGISTRY_TLS_CERT_FILE?: string;
  @Expose() @IsOptional() @IsString() REGISTRY_TLS_KEY_FILE?: string;
  @Expose() @IsOptional() @IsString() REGISTRY_TLS_CA_FILE?: string;
}
