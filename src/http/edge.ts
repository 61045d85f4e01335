// Checks at the edge of every request, for values that the route schemas let through but that
// PostgreSQL cannot take (issue 16, item 3): refused with a 422 field error before any handler runs,
// so a hostile request answers like any other bad one instead of a 500, and changes nothing.
//  - text: a NUL byte (PostgreSQL's text and jsonb have none) or a lone UTF-16 surrogate (no UTF-8
//    exists for it; jsonb refuses its \uXXXX escape) in any string or property name of the body, the
//    query string or the path parameters: `text.nulByte`, `text.loneSurrogate` at its JSON pointer;
//  - integers: every `type: 'integer'` of a request schema is held to PostgreSQL's `integer`
//    (32 bits) unless the schema itself allows more, and must be finite ("1e400" coerces to
//    Infinity): `number.outOfRange`. Added to the schemas as Ajv compiles them (`edgeAjv`), so
//    the route schemas and the OpenAPI document stay as they are;
//  - dates: the `date` and `date-time` formats take the years the domain's calendar computes with
//    (1900–9997; PostgreSQL has no year 0, the calendar throws outside 1900–9999): otherwise the
//    usual format error.
// Binary bodies (Buffers) are not text; base64 has no NUL.
import type { FastifyInstance, FastifyServerOptions, FastifySchemaValidationError } from 'fastify';
import { AppError } from '../errors.ts';
import type { FieldError } from '../domain/registration.ts';
import { MAX_YEAR, MIN_YEAR } from '../domain/calendar.ts';

export const INT32 = { min: -2147483648, max: 2147483647 } as const;
/** The Ajv keyword added to integer schemas: its value is the range the field takes, [min, max]. */
const INT32_KEYWORD = 'joldanymInt32';
/** At most this many text problems are listed (the walk still stops a request at the first). */
const MAX_FIELDS = 20;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** Why a string cannot be stored as text, if it cannot. */
export function textProblem(s: string): 'text.nulByte' | 'text.loneSurrogate' | undefined {
  if (s.includes('\u0000')) return 'text.nulByte';
  if (LONE_SURROGATE.test(s)) return 'text.loneSurrogate';
  return undefined;
}

/** A property name as a JSON pointer token; the bad code units shown as U+FFFD, not echoed. */
const pointerToken = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1').replaceAll('\u0000', '\ufffd').replace(LONE_SURROGATES, '\ufffd');

/** The strings and property names of a parsed value that cannot be stored as text, each at its
 *  JSON pointer under `base`. Walks without recursion: a body may nest thousands deep. */
export function textProblems(value: unknown, base: string): FieldError[] {
  const out: FieldError[] = [];
  const stack: [unknown, string][] = [[value, base]];
  while (stack.length > 0 && out.length < MAX_FIELDS) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const code = textProblem(v);
      if (code) out.push({ path: path || '/', code });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}/${i}`]);
    } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i]!;
        const at = `${path}/${pointerToken(key)}`;
        const code = textProblem(key);
        if (code) out.push({ path: at, code });
        else stack.push([item, at]);
      }
    }
  }
  return out;
}

type Ajv = Parameters<NonNullable<NonNullable<FastifyServerOptions['ajv']>['onCreate']>>[0];
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

// Where a JSON Schema holds other schemas (the rest of its keywords hold values: enum, default…).
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_ONE = ['items', 'additionalItems', 'additionalProperties', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'];

const bounded = new WeakMap<object, unknown>();

/** A copy of the schema with the 32-bit range keyword on each integer schema that does not allow
 *  more on its own (the same copy for the same schema object: Ajv then compiles it once). */
export function withIntegerRange(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const known = bounded.get(schema);
  if (known) return known;
  const out: Json = { ...schema };
  for (const key of SCHEMA_MAPS) {
    const map = schema[key];
    if (isObject(map)) out[key] = Object.fromEntries(Object.entries(map).map(([k, s]) => [k, withIntegerRange(s)]));
  }
  for (const key of SCHEMA_LISTS) {
    const list = schema[key];
    if (Array.isArray(list)) out[key] = list.map(withIntegerRange);
  }
  for (const key of SCHEMA_ONE) {
    const sub = schema[key];
    if (Array.isArray(sub)) out[key] = sub.map(withIntegerRange);
    else if (isObject(sub)) out[key] = withIntegerRange(sub);
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const min = typeof schema.minimum === 'number' ? schema.minimum : INT32.min;
  const max = typeof schema.maximum === 'number' ? schema.maximum : INT32.max;
  if (types.includes('integer') && min >= INT32.min && max <= INT32.max) out[INT32_KEYWORD] = [min, max];
  bounded.set(schema, out);
  return out;
}

/** The years a date or date-time may have: the calendar's (src/domain/calendar.ts), less room for
 *  the longest term (a year) counted from the last of them and for the time zones. */
export const DATE_YEARS = { min: MIN_YEAR, max: MAX_YEAR - 2 } as const;
const yearOf = (s: string) => Number(/^(\d{4})-/.exec(s)?.[1] ?? Number.NaN);

/** The fastify `ajv.onCreate` hook (after the formats are added): the integer keyword, integer
 *  schemas given their range as they are compiled, the dates' years held to the calendar's. */
export function edgeAjv(ajv: Ajv): void {
  const int32: ((range: [number, number], data: unknown) => boolean) & { errors?: { keyword: string; message: string; params: Record<string, number> }[] } = (range, data) => {
    if (typeof data !== 'number' || (Number.isFinite(data) && data >= INT32.min && data <= INT32.max)) return true;
    int32.errors = [{ keyword: INT32_KEYWORD, message: `must be an integer from ${range[0]} to ${range[1]}`, params: { min: range[0], max: range[1] } }];
    return false;
  };
  // for any type of data: Ajv coerces "1e400" to Infinity and then skips its number keywords
  ajv.addKeyword({ keyword: INT32_KEYWORD, schemaType: 'array', errors: true, validate: int32 });
  const compile = ajv.compile.bind(ajv);
  ajv.compile = ((schema: unknown, meta?: boolean) => compile(withIntegerRange(schema) as never, meta)) as typeof ajv.compile;

  for (const name of ['date', 'date-time']) {
    const format: unknown = ajv.formats[name];
    if (!isObject(format) || typeof format.validate !== 'function') throw new Error(`the Ajv format ${name} is not the one of ajv-formats`);
    const validate = format.validate as (s: string) => boolean;
    ajv.addFormat(name, { ...format, validate: (s: string) => validate(s) && yearOf(s) >= DATE_YEARS.min && yearOf(s) <= DATE_YEARS.max } as never);
  }
}

/** A schema's errors as Fastify raises them: out-of-range integers alone as a 422 field error,
 *  anything else as before (the error handler lists `error.validation`). */
export function edgeSchemaErrorFormatter(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const outOfRange = errors.filter((e) => e.keyword === INT32_KEYWORD);
  if (outOfRange.length > 0) {
    return new AppError(
      422,
      'validation',
      outOfRange.map((e) => ({ path: `${dataVar === 'body' ? '' : `/${dataVar}`}${e.instancePath}` || '/', code: 'number.outOfRange', params: e.params as Record<string, number> })),
    );
  }
  return new Error(errors.map((e) => `${dataVar}${e.instancePath} ${e.message}`).join(', '));
}

/** The text check of every request (before its schema) and the schema error formatter; call
 *  before any route is added. */
export function edgeChecks(app: FastifyInstance): void {
  app.setSchemaErrorFormatter(edgeSchemaErrorFormatter);
  app.addHook('preValidation', async (req) => {
    const fields = [...textProblems(req.params, '/params'), ...textProblems(req.query, '/querystring'), ...textProblems(req.body, '')].slice(0, MAX_FIELDS);
    if (fields.length > 0) throw new AppError(422, 'validation', fields);
  });
}
