import { Body, Controller, Get, type INestApplication, Module, Param, Post, Query, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, Length, Min, ValidateNested } from 'class-validator';
import type { Request } from 'express';
import { MultiLine } from './multi-line.decorator';
import type { ProblemDocument } from './problem-details';
import { ProblemDetailsFilter } from './problem-details.filter';
import { requestHardening } from './request-body.middleware';
import { strictValidationPipe } from './validation.pipe';

class RecordThing {
  @IsString() @Length(12, 12) idNumber!: string;
  @IsInt() @Min(1) dose!: number;
}

@Controller('things')
class ThingsController {
  @Post()
  create(@Body() body: RecordThing) {
    return { accepted: body.dose };
  }

  @Get()
  find(@Query('name') name?: string) {
    return { name: name ?? null };
  }
}

class TypedPerson {
  @IsString() fullName!: string;
}

class ReviewThing {
  @ValidateNested() @Type(() => TypedPerson) typed!: TypedPerson;
  @IsString() @MultiLine() reason!: string;
  @IsOptional() @IsArray() @IsString({ each: true }) @MultiLine() notes?: string[];
}

/** Routes that take text outside a validated class: a relayed body, a raw query read, a path parameter. */
@Controller('reviews')
class ReviewsController {
  @Post()
  review(@Body() body: ReviewThing) {
    return { reason: body.reason };
  }

  @Post('relay')
  relay(@Body() body: object) {
    return { relayed: JSON.stringify(body).length };
  }

  @Get('raw')
  raw(@Req() req: Request) {
    return { q: String(req.query.q) };
  }

  @Get(':reviewId')
  one(@Param('reviewId') reviewId: string) {
    return { reviewId };
  }
}

@Module({ controllers: [ThingsController, ReviewsController] })
class ThingsModule {}

const LIMIT = 1024 * 1024; // room for a body nested 100,000 deep
const problemOf = async (res: Response) => (await res.json()) as ProblemDocument;

// The same wiring bootstrapHttpService applies, on a real HTTP server on loopback.
describe('every bad request gets a clear 4xx problem naming the field and the rule', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create(ThingsModule, { bodyParser: false, logger: false });
    app.use(...requestHardening(LIMIT));
    app.useGlobalPipes(strictValidationPipe());
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(() => app.close());

  const post = (body: string, contentType = 'application/json') =>
    fetch(`${base}/things`, { method: 'POST', body, headers: { 'content-type': contentType } });

  it('accepts a valid body', async () => {
    const res = await post(JSON.stringify({ idNumber: '001203004567', dose: 2 }));
    expect(res.status).toBe(201);
    expect(await problemOf(res)).toEqual({ accepted: 2 });
  });

  it('names each invalid field and the rule it broke', async () => {
    const res = await post(JSON.stringify({ idNumber: '123', dose: 0 }));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await problemOf(res);
    expect(problem).toMatchObject({ status: 400, title: 'The request is not valid' });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'idNumber', rule: 'isLength', message: expect.stringContaining('12') },
        { field: 'dose', rule: 'min', message: expect.any(String) },
      ]),
    );
  });

  it('refuses unknown fields instead of dropping them', async () => {
    const res = await post(JSON.stringify({ idNumber: '001203004567', dose: 1, role: 'admin' }));
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors).toEqual([
      { field: 'role', rule: 'unknownField', message: 'is not a known field' },
    ]);
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await post('{"idNumber": ');
    expect(res.status).toBe(400);
    expect((await problemOf(res)).type).toMatch(/malformed-json$/);
  });

  it('answers 415 for a body that is not JSON', async () => {
    const res = await post('idNumber=001203004567', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(415);
    expect((await problemOf(res)).detail).toContain('application/json');
  });

  it('answers 413 for an oversized body, naming the limit', async () => {
    const res = await post(JSON.stringify({ idNumber: 'x'.repeat(LIMIT * 2), dose: 1 }));
    expect(res.status).toBe(413);
    expect((await problemOf(res)).detail).toContain(String(LIMIT));
  });

  it('refuses NUL in a body field with 400 naming the field and the rule', async () => {
    const res = await post(JSON.stringify({ idNumber: '00120300456\u0000', dose: 1 }));
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors).toContainEqual(
      expect.objectContaining({ field: 'idNumber', rule: 'controlCharacter' }),
    );
  });

  it('refuses NUL in a query parameter with 400', async () => {
    const res = await fetch(`${base}/things?name=a%00b`);
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors).toContainEqual(
      expect.objectContaining({ field: 'name', rule: 'controlCharacter' }),
    );
  });

  it('refuses a body nested 100,000 deep with 400 (maxDepth), not a stack overflow', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const res = await post(`{"idNumber":"001203004567","dose":1,"extra":${deep}}`);
    expect(res.status).toBe(400);
    expect((await problemOf(res)).errors).toContainEqual(expect.objectContaining({ rule: 'maxDepth' }));
  });

  const review = (body: unknown, path = '/reviews') =>
    fetch(`${base}${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
  const errorsOf = async (res: Response) => (await problemOf(res)).errors;

  describe('text safety: no control character or lone surrogate reaches a handler', () => {
    it('refuses NUL deep in a body, naming the dotted path', async () => {
      const res = await review({ typed: { fullName: 'Lò Văn\u0000' }, reason: 'ok' });
      expect(res.status).toBe(400);
      expect(await errorsOf(res)).toEqual([
        { field: 'typed.fullName', rule: 'controlCharacter', message: expect.stringContaining('U+0000') },
      ]);
    });

    it('keeps line breaks and tabs in a @MultiLine() field, and only there', async () => {
      const ok = await review({ typed: { fullName: 'Lò Văn Páo' }, reason: 'dòng 1\r\n\tdòng 2', notes: ['a\nb'] });
      expect(ok.status).toBe(201);
      expect(await ok.json()).toEqual({ reason: 'dòng 1\r\n\tdòng 2' });
      const res = await review({ typed: { fullName: 'Lò Văn\nPáo' }, reason: 'a\nb' });
      expect(res.status).toBe(400);
      expect(await errorsOf(res)).toEqual([
        expect.objectContaining({ field: 'typed.fullName', rule: 'controlCharacter' }),
      ]);
    });

    it('refuses other control characters even in a @MultiLine() field', async () => {
      for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085']) {
        const res = await review({ typed: { fullName: 'x' }, reason: `a${c}b` });
        expect(res.status).toBe(400);
        expect(await errorsOf(res)).toEqual([expect.objectContaining({ field: 'reason', rule: 'controlCharacter' })]);
      }
    });

    it('refuses a lone surrogate', async () => {
      const res = await post('{"idNumber":"001203004567","dose":1,"x":"\\ud800"}');
      expect(res.status).toBe(400);
      expect(await errorsOf(res)).toContainEqual(expect.objectContaining({ field: 'x', rule: 'loneSurrogate' }));
    });

    it('refuses NUL in a body relayed as it is (no class to validate it)', async () => {
      const res = await review({ complaint: { reason: 'rút\u0000' } }, '/reviews/relay');
      expect(res.status).toBe(400);
      expect(await errorsOf(res)).toEqual([
        expect.objectContaining({ field: 'complaint.reason', rule: 'controlCharacter' }),
      ]);
    });

    it('refuses NUL in a query the handler reads itself, and a line break in any query parameter', async () => {
      for (const q of ['a%00b', 'a%0Ab', 'a%09b']) {
        const res = await fetch(`${base}/reviews/raw?q=${q}`);
        expect(res.status).toBe(400);
        expect(await errorsOf(res)).toEqual([expect.objectContaining({ field: 'q', rule: 'controlCharacter' })]);
      }
      expect((await fetch(`${base}/reviews/raw?q=L%C3%B2%20V%C4%83n`)).status).toBe(200);
    });

    it('refuses NUL in a path parameter', async () => {
      const res = await fetch(`${base}/reviews/abc%00def`);
      expect(res.status).toBe(400);
      expect(await errorsOf(res)).toEqual([expect.objectContaining({ field: 'reviewId', rule: 'controlCharacter' })]);
    });

    it('refuses a relayed body nested 100,000 deep with 400 (maxDepth)', async () => {
      const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
      const res = await fetch(`${base}/reviews/relay`, {
        method: 'POST',
        body: deep,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
      const [problem] = (await errorsOf(res))!;
      expect(problem).toMatchObject({ rule: 'maxDepth', message: 'must not nest deeper than 32' });
    });

    it('accepts nesting up to the bound', async () => {
      const nested = JSON.parse('['.repeat(31) + '"x"' + ']'.repeat(31));
      expect((await review({ nested }, '/reviews/relay')).status).toBe(201);
    });
  });

  it('answers 404 as a problem document for an unknown route', async () => {
    const res = await fetch(`${base}/nowhere?idNumber=001203004567`);
    expect(res.status).toBe(404);
    expect(await problemOf(res)).toMatchObject({ status: 404, instance: '/nowhere' });
  });
});
