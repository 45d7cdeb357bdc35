import { createHash } from 'node:crypto';
import { loadDgcCases } from '../hcert/dgc-testdata.cases';
import { runVerifyCommand } from './verify-command';

const cases = new Map(loadDgcCases().map((c) => [c.name, c]));
const run = (name: string, extra: string[] = []) => {
  const c = cases.get(name)!;
  return runVerifyCommand(['--dsc', c.certificate, '--at', c.clock.toISOString(), ...extra], c.prefix!);
};

describe('verify CLI', () => {
  it('prints one JSON object and exits 0 for a valid certificate, without the holder unless asked', () => {
    const { exitCode, output } = run('common/CO3.json');
    expect(exitCode).toBe(0);
    expect(output).toMatchObject({ valid: true, failed: null, type: 'v' });
    expect(JSON.stringify(output)).not.toContain('Musterfrau');
    expect(JSON.stringify(run('common/CO3.json', ['--show-holder']).output)).toContain('Musterfrau');
  });

  it.each([
    ['common/H1.json', 'prefix'],
    ['common/B1.json', 'base45'],
    ['common/Z1.json', 'zlib'],
    ['common/CBO2.json', 'cose'],
    ['common/CO5.json', 'signature'],
    ['common/CO17.json', 'expiry'],
    ['common/CO6.json', 'keyUsage'],
    ['common/DGC2.json', 'schema'],
  ])('%s fails at %s, exit 1', (name, check) => {
    const { exitCode, output } = run(name);
    expect(exitCode).toBe(1);
    expect(output).toMatchObject({ valid: false, failed: check });
  });

  it('fails as revoked when a hash of the certificate is on the given list', () => {
    const ok = run('common/CO3.json');
    expect(ok.exitCode).toBe(0);
    const c = cases.get('common/CO3.json')!;
    const uci = (ok.output as { certificateId: string }).certificateId;
    const hash = createHash('sha256').update(uci).digest().subarray(0, 16).toString('base64');
    const revoked = runVerifyCommand(
      ['--dsc', c.certificate, '--at', c.clock.toISOString(), '--revoked', hash],
      c.prefix!,
    );
    expect(revoked).toMatchObject({ exitCode: 1, output: { failed: 'revocation' } });
  });

  it('answers a usage problem with exit 2', () => {
    expect(runVerifyCommand([], 'HC1:').exitCode).toBe(2);
    expect(runVerifyCommand(['--dsc', 'AAAA', '--at', 'yesterday'], 'HC1:').output).toMatchObject({ failed: 'usage' });
  });
});
