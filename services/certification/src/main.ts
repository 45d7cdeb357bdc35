import { bootstrapHttpService, InvalidConfigurationError, loadConfig } from '@vax/platform';
import { CertificationConfig } from './certification.config';
import { CertificationModule, SERVICE_NAME } from './certification.module';
import { loadSigningKeys } from './adapters/keys/signing-keys.loader';
import type { SigningKeys } from './adapters/keys/signing-keys';

/**
 * The signing keys are read and checked before the service starts (generating them is
 * asynchronous): a bad key file stops start-up like a bad setting, exit code 78.
 */
async function main(): Promise<void> {
  let keys: SigningKeys;
  try {
    const config = loadConfig(SERVICE_NAME, CertificationConfig);
    keys = await loadSigningKeys(SERVICE_NAME, config, (line) => process.stderr.write(`${SERVICE_NAME}: ${line}\n`));
  } catch (error) {
    if (!(error instanceof InvalidConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  await bootstrapHttpService({
    service: SERVICE_NAME,
    description: 'Vaccination certificates: status per person, EU DCC signing, revocation, verification.',
    configClass: CertificationConfig,
    rootModule: (config) => CertificationModule.forRoot(config, keys),
    consumesMessages: true,
  });
}

void main();
