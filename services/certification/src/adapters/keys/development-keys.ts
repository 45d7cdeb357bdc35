import 'reflect-metadata'; // @peculiar/x509 resolves its services through tsyringe, which needs it
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { EKU_OID } from '../hcert/key-usage';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
type KeyPair = webcrypto.CryptoKeyPair;

const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const YEAR_MS = 365 * 86_400_000;

/** PEM texts of a signing chain: the country signing CA (CSCA), the DSC, and the DSC's PKCS#8 key. */
export interface SigningChainPem {
  cscaPem: string;
  dscPem: string;
  dscKeyPem: string;
}

/**
 * A local root and a Document Signer for development and tests, marked DEVELOPMENT in their names
 * so no one mistakes them for the ministry's. The DSC may sign vaccination, test and recovery
 * certificates (its extended key usages say so).
 */
export async function generateDevelopmentChain(now = new Date(), label = 'DEVELOPMENT'): Promise<SigningChainPem> {
  const rootKeys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as KeyPair;
  const dscKeys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as KeyPair;
  const notBefore = new Date(now.getTime() - 86_400_000);
  const csca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${label} ONLY - Lai Chau local CSCA, O=${label} vax platform, C=VN`,
    notBefore,
    notAfter: new Date(now.getTime() + 10 * YEAR_MS),
    keys: rootKeys,
    signingAlgorithm: EC,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const dsc = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${label} ONLY - Lai Chau DSC, O=${label} vax platform, C=VN`,
    issuer: csca.subject,
    notBefore,
    notAfter: new Date(now.getTime() + 2 * YEAR_MS),
    publicKey: dscKeys.publicKey,
    signingKey: rootKeys.privateKey,
    signingAlgorithm: EC,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([EKU_OID.test, EKU_OID.vaccination, EKU_OID.recovery]),
      await x509.AuthorityKeyIdentifierExtension.create(rootKeys.publicKey),
      await x509.SubjectKeyIdentifierExtension.create(dscKeys.publicKey),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', dscKeys.privateKey));
  return { cscaPem: csca.toString('pem'), dscPem: dsc.toString('pem'), dscKeyPem: pem('PRIVATE KEY', pkcs8) };
}

function serial(): string {
  return Buffer.from(webcrypto.getRandomValues(new Uint8Array(12)))
    .toString('hex')
    .replace(/^[89a-f]/, '1');
}

function pem(label: string, der: Buffer): string {
  const body = der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trimEnd();
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}
