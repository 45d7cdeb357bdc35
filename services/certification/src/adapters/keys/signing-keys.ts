import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { type HcertSigner, hcertSignerOf } from '../hcert/hcert.encoder';
import { keyIdOf } from '../hcert/key-id';
import { keyUsageAllows } from '../hcert/key-usage';
import type { SigningChainPem } from './development-keys';

/** The key certificates are signed with, the DSC that vouches for it, and the CSCA above it. */
export interface SigningKeys {
  signer: HcertSigner;
  dscDer: Buffer;
  cscaDer: Buffer | null;
  /** Generated locally: certificates signed with it are good for nothing outside this installation. */
  development: boolean;
}

/** Checks a chain before anything is signed with it; each problem says what is wrong, never a key. */
export function signingKeysOf(
  chain: Partial<SigningChainPem> & { dscPem: string; dscKeyPem: string },
  development: boolean,
  now: Date,
): SigningKeys {
  const dsc = new X509Certificate(chain.dscPem);
  const privateKey = createPrivateKey(chain.dscKeyPem);
  const problems: string[] = [];
  if (privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') problems.push('the key is not EC P-256 (ES256)');
  const publicOfKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  if (!publicOfKey.equals(dsc.publicKey.export({ type: 'spki', format: 'der' })))
    problems.push('the private key does not belong to the certificate');
  if (!keyUsageAllows(dsc.keyUsage, 'v') || !keyUsageAllows(dsc.keyUsage, 'r'))
    problems.push('the certificate’s extended key usage does not allow vaccination and recovery certificates');
  if (new Date(dsc.validFrom) > now || new Date(dsc.validTo) < now) problems.push('the certificate is not valid now');
  if (problems.length > 0) throw new Error(problems.join('; '));
  const dscDer = dsc.raw;
  return {
    signer: hcertSignerOf(keyIdOf(dscDer), privateKey),
    dscDer,
    cscaDer: chain.cscaPem ? new X509Certificate(chain.cscaPem).raw : null,
    development,
  };
}
