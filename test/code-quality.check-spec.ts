import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { REPO_ROOT } from '@vax/testing';

const run = promisify(execFile);
const bin = (name: string) => `${REPO_ROOT}/node_modules/.bin/${name}`;

async function exitOf(command: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(bin(command), args, { cwd: REPO_ROOT, maxBuffer: 20 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

// swc compiles without checking types, so the type check is a test of its own.
describe('code quality', () => {
  it('type-checks under strict TypeScript', async () => {
    const { code, output } = await exitOf('tsc', ['-p', 'tsconfig.json']);
    expect(output).toBe('');
    expect(code).toBe(0);
  }, 120_000);

  it('passes ESLint, including the workflow determinism rules', async () => {
    const { code, output } = await exitOf('eslint', ['--max-warnings=0', '.']);
    expect(output).toBe('');
    expect(code).toBe(0);
  }, 120_000);

  it('is formatted by Prettier', async () => {
    const { code, output } = await exitOf('prettier', ['--check', '--log-level=warn', 'libs', 'services', 'test']);
    expect(output).toBe('');
    expect(code).toBe(0);
  }, 120_000);
});
