import { Type } from 'class-transformer';
import {
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { parseWithClasses } from './class-validator-parse';
import { compileMessageCheck } from './compiled-check';
import { InvalidMessageError } from './contract';
import { IdentityBulkRequestsV1 } from './identity/identity-bulk-requests.v1';

const envelope = {
  eventId: '0192f5a4-7c1e-7d2a-9b3c-1f2e3d4c5b6a',
  aggregateId: 'batch-1',
  occurredAt: '2021-11-05T02:30:00.000Z',
  correlationId: 'corr-1',
  causationId: null,
  actor: { id: 'campaign', role: 'system', scope: 'province:LC' },
};
const record = (i: number) => ({ recordId: `r${i}`, idNumber: '012203004567', fullName: 'Lò Văn Páo', gender: 'male' });
const bulkRequest = (records: number) => ({
  ...envelope,
  type: 'BulkVerificationRequested',
  payload: { batchId: 'batch-1', records: Array.from({ length: records }, (_, i) => record(i)) },
});

function IsEven(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isEven',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: { validate: (value: unknown) => typeof value === 'number' && value % 2 === 0 },
    });
}
class WithCustomRule {
  @IsEven() n!: number;
}
class WithCondition {
  @ValidateIf((o: WithCondition) => o.kind === 'named') @IsString() name!: string;
  @IsString() kind!: string;
}
class Inner {
  @IsString() a!: string;
}
class WithUntypedNesting {
  @ValidateNested() inner!: Inner;
}
class WithRulePerElement {
  @IsString({ each: true }) tags!: string[];
}
class WithFlaggedPattern {
  @Matches(/^[a-z]+$/i) code!: string;
}
class WithoutRules {
  note!: string;
}
class WithOptionalNesting {
  @IsOptional() @MaxLength(5) @IsString() label?: string;
  @IsOptional() @ValidateNested() @Type(() => Inner) inner?: Inner;
}

const reasonOf = (cls: new () => object) => {
  const compiled = compileMessageCheck('Anything', cls);
  return 'reason' in compiled ? compiled.reason : 'compiled';
};

describe('a class gets a compiled check only when each of its rules translates exactly', () => {
  it.each([
    ['a custom rule', WithCustomRule, 'WithCustomRule.n: rule isEven has no exact translation'],
    ['a condition other than @IsOptional', WithCondition, 'WithCondition.name: @ValidateIf'],
    ['@ValidateNested without @Type', WithUntypedNesting, 'WithUntypedNesting.inner: @ValidateNested needs @Type'],
    ['a rule applied to each element', WithRulePerElement, 'WithRulePerElement.tags: @isString with each'],
    ['a pattern with flags', WithFlaggedPattern, 'WithFlaggedPattern.code: rule matches has no exact translation'],
    ['no rules at all (class-validator refuses any value)', WithoutRules, 'WithoutRules has no rules'],
  ])('not with %s', (_, cls, reason) => {
    expect(reasonOf(cls)).toContain(reason);
  });

  it('with optional fields, which may be absent or null as class-validator allows', () => {
    const { check } = compileMessageCheck('Anything', WithOptionalNesting) as { check: (raw: unknown) => boolean };
    const message = (payload: object) => ({ ...envelope, type: 'Anything', payload });
    expect(check(message({}))).toBe(true);
    expect(check(message({ label: null, inner: null }))).toBe(true);
    expect(check(message({ label: 'abc', inner: { a: 'x' } }))).toBe(true);
    expect(check(message({ label: 'abcdef' }))).toBe(false);
    expect(check(message({ inner: { a: 'x', b: 1 } }))).toBe(false);
  });
});

describe('the bulk request of the reconciliation campaign', () => {
  it('comes back as it came, without class instances, when it meets the contract', () => {
    const raw = bulkRequest(2_000);
    expect(IdentityBulkRequestsV1.parse(raw)).toBe(raw);
  });

  it('keeps unknown envelope fields, as class-validator does (only the payload is whitelisted)', () => {
    const raw = { ...bulkRequest(1), traceparent: '00-abc' };
    expect(IdentityBulkRequestsV1.parse(raw)).toBe(raw);
  });

  it.each([
    ['5,001 records', { ...bulkRequest(5_001) }],
    ['no records', bulkRequest(0)],
    ['an unknown record field', { ...bulkRequest(1), payload: { batchId: 'b', records: [{ ...record(1), age: 3 }] } }],
    [
      'a gender outside the list',
      { ...bulkRequest(1), payload: { batchId: 'b', records: [{ ...record(1), gender: 'M' }] } },
    ],
  ])('is refused with the problems of today when it has %s', (_, raw) => {
    const problems = (parse: () => unknown) => {
      try {
        parse();
      } catch (error) {
        if (error instanceof InvalidMessageError) return error.problems;
      }
      throw new Error('expected the message to be refused');
    };
    const { topic, payloads } = IdentityBulkRequestsV1;
    expect(problems(() => IdentityBulkRequestsV1.parse(raw))).toEqual(
      problems(() => parseWithClasses(topic, payloads, raw)),
    );
  });
});
