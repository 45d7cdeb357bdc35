import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Signs attested lists (injections' day lists, the campaign's matched lists) (Ed25519: deterministic, so the same content always has the same signature).
 * The key comes from configuration; without one, a development key is generated once and kept beside
 * the other local state, its id prefixed "dev-" so a development signature is never taken for real.
 */
export class ListSigner {
  readonly keyId: string;
  readonly publicKeyPem: string;
  private readonly publicKey: KeyObject;

  constructor(
    private readonly privateKey: KeyObject,
    readonly development: boolean,
  ) {
    this.publicKey = createPublicKey(privateKey);
    this.publicKeyPem = this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const der = this.publicKey.export({ type: 'spki', format: 'der' });
    this.keyId = `${development ? 'dev-' : ''}${createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
  }

  static fromConfiguration(keyFile: string | undefined, developmentKeyFile: string): ListSigner {
    if (keyFile) return new ListSigner(createPrivateKey(readFileSync(keyFile)), false);
    if (!existsSync(developmentKeyFile)) {
      const { privateKey } = generateKeyPairSync('ed25519');
      mkdirSync(dirname(developmentKeyFile), { recursive: true });
      writeFileSync(developmentKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    }
    return new ListSigner(createPrivateKey(readFileSync(developmentKeyFile)), true);
  }

  sign(content: Buffer): string {
    return sign(null, content, this.privateKey).toString('base64');
  }

  verify(content: Buffer, signature: string): boolean {
    return verify(null, content, this.publicKey, Buffer.from(signature, 'base64'));
  }
}
