import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;
interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      { responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }> }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
}

/**
 * Holds real answers to a service's own OpenAPI document, as the fuzz tier does, but for the answers
 * an integration test reaches (the fuzzer rarely gets past a 404 to a success): the status must be
 * documented, the media type too, and a JSON body must match its schema. OpenAPI 3.0's `nullable`
 * is read as "or null".
 */
export class OpenApiAnswers {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<Schema, ValidateFunction>();
  private readonly routes: { method: string; template: string; pattern: RegExp; params: number }[];

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: 'openapi', components: jsonSchemaOf(document.components ?? {}) });
    this.routes = Object.entries(document.paths)
      .flatMap(([template, item]) => Object.keys(item).map((method) => ({ method, template })))
      .map(({ method, template }) => ({
        method,
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        params: (template.match(/\{/g) ?? []).length,
      }))
      .sort((a, b) => a.params - b.params); // a literal segment wins over a parameter
  }

  /** What is wrong with an answer, by the document; [] when it is as documented (or not a success). */
  problems(method: string, url: string, status: number, contentType: string, body: unknown): string[] {
    if (status < 200 || status >= 300) return [];
    const path = new URL(url, 'http://any').pathname;
    const route = this.routes.find((r) => r.method === method.toLowerCase() && r.pattern.test(path));
    const at = `${method} ${path} ${status}`;
    if (!route) return [`${at}: no such operation in the document`];
    const answer = this.document.paths[route.template][route.method].responses?.[String(status)];
    if (!answer) return [`${at}: status not documented`];
    const mediaType = contentType.split(';')[0].trim();
    if (!answer.content) return body === '' || body === undefined ? [] : [`${at}: a body, documented as none`];
    const schema = answer.content[mediaType]?.schema;
    if (!schema) return [`${at}: ${mediaType || 'no content type'} not documented`];
    if (!mediaType.endsWith('json')) return [];
    const validate = this.validator(schema);
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${at}: ${e.instancePath || '/'} ${e.message}`);
  }

  private validator(schema: Schema): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) this.compiled.set(schema, (validate = this.ajv.compile(jsonSchemaOf(schema) as Schema)));
    return validate;
  }
}

/** OpenAPI 3.0 schema → JSON Schema: `nullable` as "or null", refs into the document's components. */
function jsonSchemaOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchemaOf);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, ...rest } = node as Schema;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' ? value.replace(/^#/, 'openapi#') : jsonSchemaOf(value),
    ]),
  );
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}
