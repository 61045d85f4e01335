// Request schemas of the daily export and import (TypeBox): validation at the edge, the OpenAPI
// document, and the types of the route handlers and of the use cases' inputs. ExportPackage stays
// with the package format (package.ts, which also writes packages): checked below to be the body's type.
import { Type, type Static } from '@sinclair/typebox';
import { EXPORT_FILES, EXPORT_FORMAT, type ExportPackage } from './package.ts';
import { type AssertEqual, type Equal, NullableString, WithDefaults } from '../http/typebox.ts';

export const packageSchema = Type.Object(
  {
    format: Type.Literal(EXPORT_FORMAT),
    manifest: Type.String({ maxLength: 100_000 }),
    signature: Type.String({ maxLength: 200_000 }),
    files: Type.Unsafe<Record<string, string>>({ type: 'object', additionalProperties: { type: 'string' }, properties: Object.fromEntries(EXPORT_FILES.map((f) => [f, { type: 'string' }])) }),
  },
  { additionalProperties: false },
);
/** The package body is the format's ExportPackage, no more, no less. */
export type PackageSchemaIsExportPackage = AssertEqual<Equal<Static<typeof packageSchema>, ExportPackage>>;

export const dailyExportParams = Type.Object({ day: Type.String({ format: 'date' }) });
export const dailyExportQuery = Type.Object({ organization: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
export const exportLogQuery = WithDefaults(Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }) }, { additionalProperties: false }));

export const signingKeyBody = Type.Object({ pkcs12: Type.String({ maxLength: 100_000 }), password: Type.String({ maxLength: 200 }) }, { additionalProperties: false });

const instanceId = () => Type.String({ minLength: 1, maxLength: 100 });
export const trustedInstanceBody = Type.Object({ instanceId: instanceId(), name: Type.String({ minLength: 1, maxLength: 300 }), certificatePem: Type.String({ maxLength: 20_000 }) }, { additionalProperties: false });
export type TrustedInstanceInput = Static<typeof trustedInstanceBody>;
export const instanceParams = Type.Object({ instanceId: instanceId() });

export const trustedCertificateBody = Type.Object({ certificatePem: Type.String({ maxLength: 20_000 }) }, { additionalProperties: false });
export const pushSettingsBody = Type.Object({ url: NullableString({ maxLength: 2000 }) }, { additionalProperties: false });

/** An instance asks the authority for its next block of registration numbers (src/exports/numbers.ts). */
export const leaseRequestBody = Type.Object({ request: Type.String({ maxLength: 2000 }), signature: Type.String({ maxLength: 200_000 }) }, { additionalProperties: false });
