import { Expose, Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { BackendServiceConfig, type ConfigProblem, unfitForProduction } from '@vax/platform';

/** Settings of the injections service; the dose policy is the province's to set. */
export class InjectionsConfig extends BackendServiceConfig {
  @Expose()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  VERIFICATION_FRESH_HOURS = 24;

  @Expose()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  ALLOW_MIXED_SCHEDULES = true;

  /** PEM Ed25519 private key that signs attested lists; without it a development key is generated. */
  @Expose()
  @IsOptional()
  @IsString()
  ATTESTATION_KEY_FILE?: string;

  @Expose()
  @IsString()
  ATTESTATION_DEV_KEY_FILE = '.run/injections-attestation.dev-key.pem';

  override productionProblems(): ConfigProblem[] {
    const developmentKey = !this.ATTESTATION_KEY_FILE;
    return [
      ...super.productionProblems(),
      ...(developmentKey ? [unfitForProduction('ATTESTATION_KEY_FILE', 'is missing (a development key)')] : []),
    ];
  }
}
