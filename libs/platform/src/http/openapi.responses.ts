import { type Type, applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';

/**
 * A success answer the client chooses the form of: JSON as `type` says, or the same rows as CSV
 * (`format=csv`). Both media types documented, so a client (or the fuzzer) can hold either to it.
 * Several types: the JSON is one of them (a route answering more than one report, as the portal's).
 */
export function JsonOrCsvResponse(
  type: Type<unknown> | Type<unknown>[],
  description = 'JSON, or CSV with format=csv',
  status = 200,
) {
  const types = Array.isArray(type) ? type : [type];
  const refs = types.map((t) => ({ $ref: getSchemaPath(t) }));
  return applyDecorators(
    ApiExtraModels(...types),
    ApiResponse({
      status,
      description,
      content: {
        'application/json': { schema: refs.length === 1 ? refs[0] : { oneOf: refs } },
        'text/csv': { schema: { type: 'string', description: 'UTF-8, with a header row' } },
      },
    }),
  );
}

/** A success answer that is a file: a PNG, a PDF, a photo, a CSV. */
export function FileResponse(mediaTypes: string[], description: string, status = 200) {
  return ApiResponse({
    status,
    description,
    content: Object.fromEntries(mediaTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
  });
}

/** A refusal a route gives besides the shared ones (a public sign-in's 401, say), as a problem document. */
export function ProblemResponse(status: number, description: string) {
  return ApiResponse({
    status,
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });
}
