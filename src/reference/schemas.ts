// Request schemas of the reference data and its administration (TypeBox): validation at the edge,
// the OpenAPI document, and the types of the route handlers.
import { Type } from '@sinclair/typebox';
import { CALENDAR_YEARS, DIRECTORY_NAMES, TERM_COUNT_MAX } from '../domain/reference.ts';
import { DOCUMENT_TYPES } from '../domain/vocabulary.ts';
import { AlwaysPresent, NullableString, StringEnum, WithDefaults } from '../http/typebox.ts';

export const organizationsQuery = WithDefaults(
  Type.Object(
    {
      id: Type.Optional(Type.Integer()),
      parent: Type.Optional(Type.Integer()),
      root: Type.Optional(Type.Boolean()),
      code: Type.Optional(Type.String({ maxLength: 50 })),
      q: Type.Optional(Type.String({ maxLength: 200 })),
      mine: Type.Optional(Type.Boolean({ description: 'Only the organizations I act for: mine and those below it' })),
      limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
      offset: Type.Integer({ minimum: 0, default: 0 }),
    },
    { additionalProperties: false },
  ),
);

export const directoryNameParams = AlwaysPresent(Type.Object({ name: StringEnum(DIRECTORY_NAMES) }));
export const directoryQuery = WithDefaults(Type.Object({ includeInactive: Type.Boolean({ default: false }) }, { additionalProperties: false }));
export const termsQuery = Type.Object({ documentType: Type.Optional(StringEnum(DOCUMENT_TYPES)) }, { additionalProperties: false });
export const calendarTermQuery = Type.Object(
  { receivedAt: Type.String({ format: 'date-time' }), documentType: StringEnum(DOCUMENT_TYPES), subKind: Type.Optional(Type.String({ maxLength: 50 })) },
  { additionalProperties: false },
);
const year = () => Type.Integer({ minimum: CALENDAR_YEARS.min, maximum: CALENDAR_YEARS.max });
export const calendarYearParams = AlwaysPresent(Type.Object({ year: year() }));

// administration
const text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const labels = () => Type.Object({ kk: text(300), ru: text(300), en: text(300) }, { additionalProperties: false });
const someLabels = () => Type.Object({ kk: Type.Optional(text(300)), ru: Type.Optional(text(300)), en: Type.Optional(text(300)) }, { additionalProperties: false, required: [], minProperties: 1 });
const time = () => Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

export const calendarDayParams = Type.Object({ date: Type.String({ format: 'date' }) });
export const calendarDayBody = Type.Object({ working: Type.Boolean(), note: text(500) }, { additionalProperties: false });
export const confirmYearParams = Type.Object({ year: year() });

export const termRuleBody = Type.Object(
  {
    documentType: StringEnum(DOCUMENT_TYPES),
    subKind: Type.Optional(NullableString({ minLength: 1, maxLength: 50 })),
    term: Type.Object({ unit: StringEnum(Object.keys(TERM_COUNT_MAX) as (keyof typeof TERM_COUNT_MAX)[]), count: Type.Integer() }, { additionalProperties: false }),
    basis: text(1000),
    extendable: Type.Optional(Type.Boolean()),
    label: Type.Optional(labels()),
  },
  { additionalProperties: false },
);

export const organizationParams = Type.Object({ id: Type.Integer() });
export const organizationHoursBody = Type.Object(
  {
    workingHours: Type.Optional(Type.Object({ start: time(), end: time() }, { additionalProperties: false })),
    timeZone: Type.Optional(NullableString({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** `:name` and, for an entry, `:code` (both routes share the schema, so only the name is required). */
export const directoryParams = { ...Type.Object({ name: StringEnum(DIRECTORY_NAMES), code: Type.String({ maxLength: 50 }) }), required: ['name'] };
export const directoryEntryBody = Type.Object({ code: text(50), label: labels(), parentCode: Type.Optional(text(50)) }, { additionalProperties: false });
export const directoryEntryChangeBody = Type.Object({ label: Type.Optional(someLabels()), active: Type.Optional(Type.Boolean()) }, { additionalProperties: false, minProperties: 1 });
