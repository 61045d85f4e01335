// Request schemas in TypeBox: each schema is the one source of its request's TypeScript type (the
// route handlers' types are inferred through `withTypeProvider<TypeBoxTypeProvider>()`, a use case's
// input is `Static<typeof schema>`). The helpers build the very JSON Schema the routes wrote by hand
// before, where TypeBox's own builders would write another (Literal adds a `type`, a Union of
// literals is an anyOf, a property with a default would be required).
import { Type, type SchemaOptions, type Static, type StringOptions, type TObject, type TSchema, type TUnsafe } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';

/** The app whose route handlers take their request types from the route's TypeBox schemas. */
export const typed = (app: FastifyInstance) => app.withTypeProvider<TypeBoxTypeProvider>();

/** `{type: 'string', enum: [...]}`, typed as the union of the values. */
export const StringEnum = <const T extends readonly string[]>(values: T, options?: SchemaOptions): TUnsafe<T[number]> => Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });

/** `{const: value}` (no `type`), typed as the value. */
export const Const = <const T extends string>(value: T): TUnsafe<T> => Type.Unsafe<T>({ const: value });

/** `{…, discriminator: {propertyName}, oneOf: [...]}`: one of the object schemas, chosen by the named property. */
export const OneOfBy = <const T extends TSchema[]>(propertyName: string, schemas: [...T], options?: SchemaOptions): TUnsafe<Static<T[number]>> =>
  Type.Unsafe<Static<T[number]>>({ ...options, type: 'object', required: [propertyName], discriminator: { propertyName }, oneOf: schemas });

/** The object schema with the properties that have a `default` left out of `required`: the request
 *  may omit them, the handler finds them (Ajv's useDefaults fills them in), so they stay non-optional in the type. */
export function WithDefaults<T extends TObject>(schema: T): T {
  const required = (schema.required ?? []).filter((key) => !('default' in schema.properties[key]!));
  const { required: _all, ...rest } = schema;
  return (required.length > 0 ? { ...rest, required } : rest) as T;
}

/** `:id`, a UUID. */
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** limit/offset paging, as every list. */
export const Page = (defaultLimit: number, maxLimit: number) =>
  WithDefaults(
    Type.Object(
      {
        limit: Type.Integer({ minimum: 1, maximum: maxLimit, default: defaultLimit }),
        offset: Type.Integer({ minimum: 0, default: 0 }),
      },
      { additionalProperties: false },
    ),
  );

/** True when the two types are the same type: not only assignable both ways (which an extra
 *  optional property would still be), but identical to the compiler. */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when given `true`: `type _ = AssertEqual<Equal<Static<typeof schema>, DomainType>>`. */
export type AssertEqual<T extends true> = T;

/** The object schema without `required`, its properties still non-optional in the type: path
 *  parameters, which the router always gives, where the route's schema names none required. */
export function AlwaysPresent<T extends TObject>(schema: T): T {
  const { required: _all, ...rest } = schema;
  return rest as T;
}

/** `{type: ['string', 'null'], …}`. */
export const NullableString = (options?: StringOptions): TUnsafe<string | null> => Type.Unsafe<string | null>({ type: ['string', 'null'], ...options });
