import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidConfigurationError } from '@vax/platform';
import type { CertificationConfig } from '../../certification.config';
import { generateDevelopmentChain } from './development-keys';
import { type SigningKeys, signingKeysOf } from './signing-keys';

const DEV_FILES = { cscaPem: 'csca.crt.pem', dscPem: 'dsc.crt.pem', dscKeyPem: 'dsc.key.pem' } as const;

/**
 * The signing keys from configuration, checked before the service starts: a missing file, a key
 * that is not the certificate's, a wrong curve, key usage or validity stops start-up with exit 78
 * and a message naming the setting. Without configured keys, the development chain.
 */
export async function loadSigningKeys(
  service: string,
  config: CertificationConfig,
  log: (line: string) => void,
  now = new Date(),
): Promise<SigningKeys> {
  if (!config.CERTIFICATION_DSC_CERT_FILE || !config.CERTIFICATION_DSC_KEY_FILE) {
    return developmentKeys(config.CERTIFICATION_KEYS_DIR, log, now);
  }
  const read = (setting: keyof CertificationConfig, path: string) => {
    try {
      return toPem(readFileSync(path));
    } catch (error) {
      throw new InvalidConfigurationError(service, [
        { setting, rules: [`cannot be read: ${(error as Error).message}`] },
      ]);
    }
  };
  const dscPem = read('CERTIFICATION_DSC_CERT_FILE', config.CERTIFICATION_DSC_CERT_FILE);
  const dscKeyPem = read('CERTIFICATION_DSC_KEY_FILE', config.CERTIFICATION_DSC_KEY_FILE);
  const cscaPem = config.CERTIFICATION_CSCA_CERT_FILE
    ? read('CERTIFICATION_CSCA_CERT_FILE', config.CERTIFICATION_CSCA_CERT_FILE)
    : undefined;
  try {
    return signingKeysOf({ dscPem, dscKeyPem, cscaPem }, false, now);
  } catch (error) {
    throw new InvalidConfigurationError(service, [
      { setting: 'CERTIFICATION_DSC_CERT_FILE', rules: [(error as Error).message] },
    ]);
  }
}

async function developmentKeys(dir: string, log: (line: string) => void, now: Date): Promise<SigningKeys> {
  const paths = Object.fromEntries(Object.entries(DEV_FILES).map(([k, f]) => [k, join(dir, f)])) as Record<
    keyof typeof DEV_FILES,
    string
  >;
  if (!Object.values(paths).every((p) => existsSync(p))) {
    const chain = await generateDevelopmentChain(now);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(paths.cscaPem, chain.cscaPem);
    writeFileSync(paths.dscPem, chain.dscPem);
    writeFileSync(paths.dscKeyPem, chain.dscKeyPem, { mode: 0o600 });
    log(`DEVELOPMENT signing chain generated in ${dir}: certificates it signs are valid only here`);
  } else {
    log(`DEVELOPMENT signing chain loaded from ${dir}: certificates it signs are valid only here`);
  }
  const read = (p: string) => readFileSync(p, 'utf8');
  return signingKeysOf(
    { cscaPem: read(paths.cscaPem), dscPem: read(paths.dscPem), dscKeyPem: read(paths.dscKeyPem) },
    true,
    now,
  );
}

/** DER files are accepted too: certificates as base64 PEM, so one parser reads both. */
function toPem(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  if (text.includes('-----BEGIN')) return text;
  const body = bytes
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trimEnd();
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}
