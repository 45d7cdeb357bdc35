import { IsString } from 'class-validator';
import { MultiLine } from './multi-line.decorator';
import { strictValidationPipe } from './validation.pipe';

class WithdrawRequest {
  @IsString() @MultiLine() reason!: string;
  @IsString() code!: string;
}

const pipe = strictValidationPipe();
const body = { type: 'body' as const, metatype: WithdrawRequest };
const refusal = async (run: Promise<unknown>) =>
  ((await run.then(
    () => undefined,
    (e: { getResponse(): unknown }) => e.getResponse(),
  )) ?? {}) as {
    errors?: Array<{ field: string; rule: string }>;
  };

// The pipe alone, without the request middleware in front of it: a test app or a route wired otherwise.
describe('the strict validation pipe', () => {
  it('keeps a line break in a @MultiLine() field and refuses it in any other', async () => {
    await expect(pipe.transform({ reason: 'a\nb', code: '123456' }, body)).resolves.toEqual({
      reason: 'a\nb',
      code: '123456',
    });
    const problem = await refusal(pipe.transform({ reason: 'a', code: '12\n3456' }, body));
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'code', rule: 'controlCharacter' })]);
  });

  it('reports a line break beside the other broken rules', async () => {
    const problem = await refusal(pipe.transform({ reason: 7, code: 'a\tb' }, body));
    expect(problem.errors?.map((e) => `${e.field}:${e.rule}`).sort()).toEqual([
      'code:controlCharacter',
      'reason:isString',
    ]);
  });

  it('refuses NUL in a query parameter or a path parameter read as a plain string', async () => {
    for (const type of ['query', 'param'] as const) {
      const problem = await refusal(pipe.transform('a\u0000', { type, metatype: String, data: 'phone' }));
      expect(problem.errors).toEqual([expect.objectContaining({ field: 'phone', rule: 'controlCharacter' })]);
    }
  });

  it('refuses a body nested 100,000 deep with maxDepth instead of overflowing the stack', async () => {
    const deep = JSON.parse('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
    const problem = await refusal(pipe.transform({ reason: 'x', code: 'y', deep }, body));
    expect(problem.errors).toEqual([expect.objectContaining({ rule: 'maxDepth' })]);
  });
});
