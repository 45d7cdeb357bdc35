import { Body, Controller, type INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IsInt, IsString, Length, Min } from 'class-validator';
import type { ProblemDocument } from './problem-details';
import { ProblemDetailsFilter } from './problem-details.filter';
import { bodyParserErrors, jsonBodyParser, requireJsonBodies } from './request-body.middleware';
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
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

const LIMIT = 2_048;
const problemOf = async (res: Response) => (await res.json()) as ProblemDocument;

// The same wiring bootstrapHttpService applies, on a real HTTP server on loopback.
describe('every bad request gets a clear 4xx problem naming the field and the rule', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create(ThingsModule, { bodyParser: false, logger: false });
    app.use(requireJsonBodies(), jsonBodyParser(LIMIT), bodyParserErrors(LIMIT));
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

  it('answers 404 as a problem document for an unknown route', async () => {
    const res = await fetch(`${base}/nowhere?idNumber=001203004567`);
    expect(res.status).toBe(404);
    expect(await problemOf(res)).toMatchObject({ status: 404, instance: '/nowhere' });
  });
});
