// Request schemas of the work queues and the overview (TypeBox): validation at the edge, the OpenAPI
// document, and the types of the route handlers.
import { Type, type Static } from '@sinclair/typebox';
import { APPEAL_STATUSES } from '../domain/decisions.ts';
import { CHANNELS, DOCUMENT_TYPES, FORMS, LANGUAGES } from '../domain/vocabulary.ts';
import { QUEUE_SORTS, QUEUES } from '../domain/queues.ts';
import { StringEnum, WithDefaults } from '../http/typebox.ts';

const date = (description: string) => Type.String({ format: 'date', description });

const filterProperties = {
  documentType: Type.Optional(StringEnum(DOCUMENT_TYPES)),
  form: Type.Optional(StringEnum(FORMS)),
  channel: Type.Optional(StringEnum(CHANNELS)),
  issueCategory: Type.Optional(Type.String({ maxLength: 50 })),
  status: Type.Optional(StringEnum(APPEAL_STATUSES)),
  executor: Type.Optional(Type.String({ format: 'uuid' })),
  organization: Type.Optional(Type.Integer({ description: 'This organization and those below it' })),
  ownOnly: Type.Optional(Type.Boolean({ description: "With organization: only that organization's own appeals, not those below it" })),
  open: Type.Optional(Type.Boolean({ description: 'Only appeals whose review at their organization still runs' })),
  dateFrom: Type.Optional(date('Registered on or after')),
  dateTo: Type.Optional(date('Registered on or before')),
  dueFrom: Type.Optional(date('Due on or after')),
  dueTo: Type.Optional(date('Due on or before')),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Registration or talon number, IIN/BIN, applicant name, or words of the summary and text' })),
};

/** The filters every queue takes (and the counts of the queues). */
export const filterQuery = Type.Object(filterProperties, { additionalProperties: false });
export type FilterQuery = Static<typeof filterQuery>;

export const queueParams = Type.Object({ queue: StringEnum(QUEUES) });

export const queueQuery = WithDefaults(
  Type.Object(
    {
      ...filterProperties,
      sort: Type.Optional(StringEnum(QUEUE_SORTS)),
      order: Type.Optional(StringEnum(['asc', 'desc'])),
      limit: Type.Integer({ minimum: 1, maximum: 200, default: 25 }),
      offset: Type.Integer({ minimum: 0, default: 0 }),
    },
    { additionalProperties: false },
  ),
);

/** A queue exported as a journal: the filters and the order, no paging. */
export const journalQuery = Type.Object(
  {
    ...filterProperties,
    sort: Type.Optional(StringEnum(QUEUE_SORTS)),
    order: Type.Optional(StringEnum(['asc', 'desc'])),
    lang: Type.Optional(StringEnum(LANGUAGES, { description: 'The language of the journal (a download link cannot set Accept-Language); default: Accept-Language' })),
  },
  { additionalProperties: false },
);

export const overviewQuery = Type.Object(
  {
    organization: Type.Optional(Type.Integer({ description: 'The organization to look at (default: the one I act for)' })),
    dateFrom: Type.Optional(date('Period of ended reviews for the on-time share (default: 1 January)')),
    dateTo: Type.Optional(date('Default: today')),
  },
  { additionalProperties: false },
);
