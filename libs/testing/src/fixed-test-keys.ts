/**
 * Settings for tests that only load configuration (nothing is signed with these outside tests):
 * a trusted-keys value and signing keys of the right shape, marked as development keys.
 */
const portal = { kty: 'OKP', crv: 'Ed25519', x: 'IjZsKW135lttFZkbuaL5Aek2oEMfss77i_gKI1VO7iI', kid: 'dev-test-portal' };
const worker = {
  kty: 'OKP',
  crv: 'Ed25519',
  x: 'QVSyKlQG9rmhqSbkECKKe8cu6jogVrvyyOYlNLwTkJo',
  kid: 'dev-test-complaints-worker',
};

export const TEST_KEY_SETTINGS = {
  ACTOR_TOKEN_TRUSTED_KEYS: JSON.stringify({ portal, 'complaints-worker': worker }),
  PORTAL_PRIVATE_KEY: JSON.stringify({
    issuer: 'portal',
    jwk: { ...portal, d: 'FaH4f1ERy2oIUxkio5_nf6fYVBIx1p-66WdpG83Z8N0' },
  }),
  WORKER_PRIVATE_KEY: JSON.stringify({
    issuer: 'complaints-worker',
    jwk: { ...worker, d: '9tCE8XZOoznAT_EpI8QRycIytLfY_JUcDWRUqRmIuqM' },
  }),
  CODE_HASH_SECRET: 'a-test-secret-of-at-least-32-characters!',
};
