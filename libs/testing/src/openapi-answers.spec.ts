import { OpenApiAnswers } from './openapi-answers';

const document = {
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
        },
      },
    },
    '/things/mine': {
      get: { responses: { '200': { content: { 'text/csv': { schema: { type: 'string', format: 'binary' } } } } } },
    },
    '/things': { post: { responses: { '202': { description: 'no body' } } } },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'owner'],
        properties: {
          id: { type: 'string' },
          owner: { nullable: true, allOf: [{ $ref: '#/components/schemas/Owner' }] },
          state: { type: 'string', enum: ['open', 'closed'] },
        },
      },
      Owner: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
    },
  },
};
const answers = new OpenApiAnswers(document);
const JSON_TYPE = 'application/json; charset=utf-8';

describe('holding answers to an OpenAPI document', () => {
  it('passes answers as documented, nulls where nullable, and leaves failures alone', () => {
    expect(answers.problems('GET', '/things/a', 200, JSON_TYPE, { id: 'a', owner: null })).toEqual([]);
    expect(answers.problems('GET', '/things/a', 200, JSON_TYPE, { id: 'a', owner: { name: 'b' } })).toEqual([]);
    expect(answers.problems('GET', '/things/mine', 200, 'text/csv', 'a,b\r\n')).toEqual([]);
    expect(answers.problems('POST', '/things', 202, '', '')).toEqual([]);
    expect(answers.problems('GET', '/things/a', 404, JSON_TYPE, { nothing: 1 })).toEqual([]);
  });

  it('names what differs: a field, a missing one, a value outside its enum, a status or media type', () => {
    expect(answers.problems('GET', '/things/a', 200, JSON_TYPE, { id: 1, owner: null })).toEqual([
      'GET /things/a 200: /id must be string',
    ]);
    expect(answers.problems('GET', '/things/a', 200, JSON_TYPE, { id: 'a' })).toEqual([
      "GET /things/a 200: / must have required property 'owner'",
    ]);
    expect(answers.problems('GET', '/things/a', 200, JSON_TYPE, { id: 'a', owner: null, state: 'x' })).toHaveLength(1);
    expect(answers.problems('GET', '/things/a', 201, JSON_TYPE, {})).toEqual([
      'GET /things/a 201: status not documented',
    ]);
    expect(answers.problems('GET', '/things/mine', 200, JSON_TYPE, [])).toEqual([
      'GET /things/mine 200: application/json not documented',
    ]);
    expect(answers.problems('POST', '/things', 202, JSON_TYPE, { a: 1 })).toEqual([
      'POST /things 202: a body, documented as none',
    ]);
  });
});
