// The OpenAPI document as published at /api/docs, made to pass Redocly's `recommended` rules
// (src/http/openapi.test.ts): applied by @fastify/swagger's transformObject to the generated
// document, so the route schemas (which validate requests) are left as they are.
//  - every operation gets an operationId derived from its method and path (stable, camelCase, unique);
//  - a path parameter that a shared `params` schema names but the path has not is left out;
//  - JSON Schema's if/then/else, which OpenAPI 3.0 does not have, become a sentence of the
//    schema's description (the server still validates them).

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const camelWords = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(capitalized)
    .join('');

/** `get /api/v1/appeals/{id}/decisions/allowed` → `getAppealsByIdDecisionsAllowed`. */
export function operationIdOf(method: string, path: string): string {
  const segments = path
    .replace(/^\/api\/v\d+(?=\/|$)/, '')
    .split('/')
    .filter(Boolean);
  const words = segments.map((s) => {
    const param = /^\{(.+)\}$/.exec(s) ?? /^:(.+)$/.exec(s);
    return param ? `By${camelWords(param[1]!)}` : camelWords(s);
  });
  return method.toLowerCase() + (words.join('') || 'Root');
}

type Json = Record<string, unknown>;
const NAME_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'schemas', 'paths', 'responses', 'content', 'headers', 'examples']);
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(condition: unknown): string {
  return JSON.stringify(condition);
}

/** A copy of a schema without if/then/else (anywhere inside), each noted in the description instead. */
export function withoutConditionals(value: unknown, namesOnly = false): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutConditionals(v));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    // `properties` and the like map names to schemas: a property named `if` stays
    if (namesOnly) {
      out[k] = withoutConditionals(v);
      continue;
    }
    if (k === 'if' || k === 'then' || k === 'else') continue;
    out[k] = withoutConditionals(v, NAME_MAPS.has(k));
  }
  if (namesOnly) return out;
  if ('if' in value && ('then' in value || 'else' in value)) {
    const parts = [`If the value matches ${describe(value.if)}`];
    if ('then' in value) parts.push(`it must also match ${describe(value.then)}`);
    if ('else' in value) parts.push(`${'then' in value ? 'otherwise' : 'if not,'} it must match ${describe(value.else)}`);
    const note = `${parts.join('; ')}.`;
    out.description = typeof value.description === 'string' ? `${value.description} ${note}` : note;
  }
  return out;
}

/** The document fixed up for OpenAPI 3.0 and Redocly's recommended rules (a changed copy). */
export function documented(openapiObject: Json): Json {
  const doc = withoutConditionals(structuredClone(openapiObject)) as Json;
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const inPath = new Set([...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!));
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      op.operationId ??= operationIdOf(method, path);
      if (Array.isArray(op.parameters)) {
        op.parameters = op.parameters.filter((p) => !(isObject(p) && p.in === 'path' && typeof p.name === 'string' && !inPath.has(p.name)));
      }
    }
  }
  return doc;
}
