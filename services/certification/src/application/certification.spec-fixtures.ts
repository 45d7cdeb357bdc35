import { generateDevelopmentChain } from '../adapters/keys/development-keys';
import { type SigningKeys, signingKeysOf } from '../adapters/keys/signing-keys';
import { loadCertificationReference } from '../reference/certification-reference.loader';
import { trustedSignerOf } from '../adapters/hcert/trusted-signer';
import { DccCertificateSigner } from '../adapters/hcert/dcc-certificate-signer';

export const reference = loadCertificationReference();

/** Every tone and vowel mark of Vietnamese, and Đ, in one (long) name. */
export const EVERY_DIACRITIC_NAME =
  'Đặng Ầu Ẩm Ẫn Ấy Ậu Ằng Ẳm Ẵn Ắt Ặc Ềnh Ểu Ễn Ếch Ệt Ồng Ổi Ỗi Ốc Ộc Ờn Ởi Ỡ Ớt Ợt Ừng Ửa Ữa Ứa Ựa Ỳ Ỷ Ỹ Ý Ỵ Àa Ảo Ão Áo Ạo Èo Ẻo Ẽo Éo Ẹo Ìa Ỉa Ĩa Ía Ịa Òa Ỏa Õa Óa Ọa Ùa Ủa Ũa Úa Ụa Ăn Ân Ên Ôn Ơn Ưu Đ';

export async function developmentKeys(now = new Date()): Promise<SigningKeys> {
  return signingKeysOf(await generateDevelopmentChain(now), true, now);
}

export async function testSigner(now = new Date()) {
  const keys = await developmentKeys(now);
  return { keys, signer: new DccCertificateSigner(keys, reference, 'LC'), trusted: trustedSignerOf(keys.dscDer) };
}
