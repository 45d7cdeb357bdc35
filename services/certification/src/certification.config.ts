import { Expose, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import { BackendServiceConfig, type ConfigProblem, unfitForProduction } from '@vax/platform';

const configuredKeys = (c: CertificationConfig) => !!(c.CERTIFICATION_DSC_CERT_FILE || c.CERTIFICATION_DSC_KEY_FILE);

/** Settings of the certification service, read from the environment and validated at start-up. */
export class CertificationConfig extends BackendServiceConfig {
  /**
   * The Document Signer Certificate (PEM or DER) and its private key (PEM, PKCS#8 or SEC1), as
   * files (mounted from the secret store). Both or neither: without them a development chain is
   * generated under CERTIFICATION_KEYS_DIR and every log line about signing says DEVELOPMENT.
   */
  @Expose()
  @ValidateIf(configuredKeys)
  @IsString({ message: 'is required with CERTIFICATION_DSC_KEY_FILE (path of the DSC certificate)' })
  CERTIFICATION_DSC_CERT_FILE?: string;

  @Expose()
  @ValidateIf(configuredKeys)
  @IsString({ message: 'is required with CERTIFICATION_DSC_CERT_FILE (path of the DSC private key)' })
  CERTIFICATION_DSC_KEY_FILE?: string;

  /** The country signing CA above the DSC, published in the trust list beside it. */
  @Expose() @IsOptional() @IsString() CERTIFICATION_CSCA_CERT_FILE?: string;

  /** Where the development chain is kept between restarts (never used when a DSC is configured). */
  @Expose() @IsString() CERTIFICATION_KEYS_DIR = '.run/certification-keys';

  /** How long a positive identity check at a unit lets that unit's staff read the person's certificate. */
  @Expose() @Type(() => Number) @IsInt() @Min(1) @Max(24 * 30) VERIFICATION_FRESH_HOURS = 24;

  /** The issuing entity inside every UVCI (`URN:UVCI:01:VN:<entity>/…`). */
  @Expose()
  @Matches(/^[A-Z0-9]{1,10}$/, { message: 'must be 1 to 10 capital letters or digits' })
  CERTIFICATION_ISSUING_ENTITY = 'LC';

  /**
   * The business rules (a folder of <COUNTRY>/<RULE-ID>/rule.json) and the EU value sets (a folder
   * of value-set files, or one file) the verification route judges with; the shipped ones when
   * unset. Both are re-read when their files change, or on POST /verification-reference/reload.
   */
  @Expose() @IsOptional() @IsString() CERTIFICATION_RULES_DIR?: string;

  @Expose() @IsOptional() @IsString() CERTIFICATION_VALUE_SETS?: string;

  /**
   * Worker threads that reissue certificates after a policy change, besides the service's own
   * thread (0: the service's thread alone). Replicas share the partitions either way.
   */
  @Expose() @Type(() => Number) @IsInt() @Min(0) @Max(64) CERTIFICATION_REISSUE_THREADS = 0;

  override productionProblems(): ConfigProblem[] {
    const developmentChain = !this.CERTIFICATION_DSC_KEY_FILE;
    return [
      ...super.productionProblems(),
      ...(developmentChain
        ? [unfitForProduction('CERTIFICATION_DSC_KEY_FILE', 'is missing (a development chain)')]
        : []),
    ];
  }
}
