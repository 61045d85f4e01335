// Route schemas compiled on their route's first use rather than all at the server's start. Fastify
// compiles a validator (Ajv) and a response serializer (fast-json-stringify) for every route
// before it listens: some 2.7 s of CPU of a start on the loaded machine, and the memory of the
// code generated for routes that may never be called (docs/performance.md "The embedded
// default"). The compilers and their options are Fastify's own; only the moment changes. A
// route's first request pays its compilation, a few milliseconds.
import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type Ajv = Parameters<NonNullable<NonNullable<FastifyServerOptions['ajv']>['onCreate']>>[0];
type Validate = ((this: unknown, data: unknown) => unknown) & { errors?: unknown };

/** For the `ajv.onCreate` hook: `ajv.compile` returns a validator that compiles on its first call.
 *  Schemas with an `$id` are compiled at once, as Fastify looks those up in Ajv by their id. */
export function compileOnFirstUse(ajv: Ajv): void {
  const compile = ajv.compile.bind(ajv);
  ajv.compile = ((schema: unknown, meta?: boolean) => {
    if (typeof schema === 'object' && schema !== null && '$id' in schema) return compile(schema as never, meta);
    let compiled: Validate | undefined;
    const validate: Validate = function (this: unknown, data: unknown) {
      compiled ??= compile(schema as never, meta) as Validate;
      const valid = compiled.call(this, data);
      // Fastify reads the errors from the function it was given
      validate.errors = compiled.errors;
      return valid;
    };
    return validate;
  }) as typeof ajv.compile;
}

type Serialize = (data: unknown) => string;
type BuildSerializer = (externalSchemas: unknown, options: unknown) => (route: unknown) => Serialize;

/** Fastify's `schemaController.compilersFactory.buildSerializer`: its default (from Fastify's own
 *  dependency @fastify/fast-json-stringify-compiler) with each serializer built on first use. */
export function serializersOnFirstUse(): BuildSerializer {
  const fastifyRequire = createRequire(createRequire(import.meta.url).resolve('fastify'));
  const { SerializerSelector } = fastifyRequire('@fastify/fast-json-stringify-compiler') as { SerializerSelector: () => BuildSerializer };
  const build = SerializerSelector();
  return (externalSchemas, options) => {
    const compile = build(externalSchemas, options);
    return (route) => {
      let serialize: Serialize | undefined;
      return (data) => {
        serialize ??= compile(route);
        return serialize(data);
      };
    };
  };
}
