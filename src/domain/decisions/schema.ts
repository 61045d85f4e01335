// JSON schema of a card's data, for the API layer (decisionInputSchema).

import type { Procedure } from '../vocabulary.ts';
import type { DecisionCode } from './rule.ts';
import { DECISIONS } from './catalogue.ts';
import { STRING_MAX, TEXT_MAX, type FieldSpec } from './fields.ts';
import { DATE_TIME_RE } from './validation.ts';
import { vocabulary } from './vocabularies.ts';

type JsonSchema = Record<string, unknown>;

function fieldSchema(spec: FieldSpec, procedure: Procedure): JsonSchema {
  const codes = spec.vocabulary ? vocabulary(spec.vocabulary, procedure).map((i) => i.code) : [];
  switch (spec.type) {
    case 'string':
    case 'appealId':
      return { type: 'string', minLength: 1, maxLength: STRING_MAX };
    case 'text':
      return { type: 'string', minLength: 1, maxLength: TEXT_MAX };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'dateTime':
      return { type: 'string', pattern: DATE_TIME_RE.source };
    case 'boolean':
      return { type: 'boolean' };
    case 'organizationId':
      return { type: 'integer', minimum: 1 };
    case 'code':
      return { type: 'string', enum: codes };
    case 'codes':
      return { type: 'array', items: { type: 'string', enum: codes }, uniqueItems: true, minItems: spec.minItems ?? 0 };
    case 'object':
      return objectSchema(spec.fields ?? [], procedure);
    case 'list':
      return { type: 'array', items: objectSchema(spec.fields ?? [], procedure), minItems: spec.minItems ?? 0 };
  }
}

function objectSchema(specs: readonly FieldSpec[], procedure: Procedure): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(specs.map((s) => [s.name, fieldSchema(s, procedure)])),
    required: specs.filter((s) => s.required).map((s) => s.name),
  };
}

/** The JSON schema of a decision's data (the vocabulary of 4.2 `missing` depends on the procedure). */
export function decisionInputSchema(code: DecisionCode, procedure: Procedure): JsonSchema {
  const rule = DECISIONS[code];
  const schema = objectSchema(rule.fields, procedure);
  if (rule.exactlyOneOf) schema.oneOf = rule.exactlyOneOf.map((f) => ({ required: [f] }));
  return schema;
}
