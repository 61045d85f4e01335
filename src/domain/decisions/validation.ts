// Field validation: a card's data checked against the field specs of its decision (for checkDecision).

import { isIsoDate, type IsoDate } from '../calendar.ts';
import type { FieldError } from '../registration.ts';
import type { Procedure } from '../vocabulary.ts';
import { STRING_MAX, TEXT_MAX, type FieldSpec } from './fields.ts';
import { vocabulary } from './vocabularies.ts';

export const DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function validateFields(specs: readonly FieldSpec[], input: unknown, base: string, procedure: Procedure, today: IsoDate): FieldError[] {
  const errors: FieldError[] = [];
  if (!isPlainObject(input)) {
    errors.push({ path: base || '/', code: 'type', params: { type: 'object' } });
    return errors;
  }
  const names = new Set(specs.map((s) => s.name));
  for (const key of Object.keys(input)) {
    if (!names.has(key)) errors.push({ path: base || '/', code: 'additionalProperties', params: { property: key } });
  }
  for (const spec of specs) {
    const path = `${base}/${spec.name}`;
    const v = input[spec.name];
    if (v === undefined || v === null) {
      if (spec.required) errors.push({ path, code: 'required' });
      continue;
    }
    if (spec.onlyIf) {
      const other = input[spec.onlyIf.field];
      const matches = spec.onlyIf.present ? other !== undefined && other !== null : other === spec.onlyIf.equals;
      if (!matches) {
        errors.push({ path, code: 'decision.fieldNotApplicable', params: { field: spec.onlyIf.field } });
        continue;
      }
    }
    validateValue(spec, v, path, procedure, today, errors);
  }
  return errors;
}

function validateValue(spec: FieldSpec, v: unknown, path: string, procedure: Procedure, today: IsoDate, errors: FieldError[]): void {
  const str = (max: number): void => {
    if (typeof v !== 'string') errors.push({ path, code: 'type', params: { type: 'string' } });
    else if (v.trim() === '') errors.push({ path, code: 'minLength', params: { limit: 1 } });
    else if (v.length > max) errors.push({ path, code: 'maxLength', params: { limit: max } });
  };
  const dateBounds = (d: IsoDate) => {
    if (spec.when === 'notAfterToday' && d > today) errors.push({ path, code: 'decision.dateAfterToday', params: { today } });
    if (spec.when === 'notBeforeToday' && d < today) errors.push({ path, code: 'decision.dateBeforeToday', params: { today } });
    if (spec.when === 'afterToday' && d <= today) errors.push({ path, code: 'decision.dateNotAfterToday', params: { today } });
  };
  switch (spec.type) {
    case 'string':
      str(STRING_MAX);
      return;
    case 'text':
    case 'appealId':
      str(spec.type === 'text' ? TEXT_MAX : STRING_MAX);
      return;
    case 'boolean':
      if (typeof v !== 'boolean') errors.push({ path, code: 'type', params: { type: 'boolean' } });
      return;
    case 'organizationId':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) errors.push({ path, code: 'type', params: { type: 'integer' } });
      return;
    case 'date':
      if (!isIsoDate(v)) errors.push({ path, code: 'format', params: { format: 'date' } });
      else dateBounds(v);
      return;
    case 'dateTime': {
      const m = typeof v === 'string' ? DATE_TIME_RE.exec(v) : null;
      if (!m || !isIsoDate(m[1])) errors.push({ path, code: 'format', params: { format: 'date-time' } });
      else dateBounds(m[1]!);
      return;
    }
    case 'code': {
      const codes = vocabulary(spec.vocabulary!, procedure).map((i) => i.code);
      if (typeof v !== 'string' || !codes.includes(v)) errors.push({ path, code: 'enum', params: { allowed: codes.join(', ') } });
      return;
    }
    case 'codes': {
      const codes = vocabulary(spec.vocabulary!, procedure).map((i) => i.code);
      if (!Array.isArray(v)) return void errors.push({ path, code: 'type', params: { type: 'array' } });
      if (v.length < (spec.minItems ?? 0)) errors.push({ path, code: 'minItems', params: { limit: spec.minItems ?? 0 } });
      if (new Set(v).size !== v.length) errors.push({ path, code: 'uniqueItems' });
      v.forEach((x, i) => {
        if (typeof x !== 'string' || !codes.includes(x)) errors.push({ path: `${path}/${i}`, code: 'enum', params: { allowed: codes.join(', ') } });
      });
      return;
    }
    case 'object':
      errors.push(...validateFields(spec.fields ?? [], v, path, procedure, today));
      return;
    case 'list':
      if (!Array.isArray(v)) return void errors.push({ path, code: 'type', params: { type: 'array' } });
      if (v.length < (spec.minItems ?? 0)) errors.push({ path, code: 'minItems', params: { limit: spec.minItems ?? 0 } });
      v.forEach((x, i) => errors.push(...validateFields(spec.fields ?? [], x, `${path}/${i}`, procedure, today)));
      return;
  }
}
