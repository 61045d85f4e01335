// Field specs: the data a card carries, declaratively (decisionInputSchema turns them into JSON schema),
// and the shorthands the catalogue's rows and messages are written with (L, F).

import type { Labels } from '../vocabulary.ts';
import type { VocabularyName } from './vocabularies.ts';

export type FieldType =
  | 'string' // a short line (≤ 500)
  | 'text' // free text (≤ 10 000)
  | 'date' // 'YYYY-MM-DD'
  | 'dateTime' // 'YYYY-MM-DDTHH:MM[:SS]' local time of the organization (an offset is accepted)
  | 'boolean'
  | 'organizationId' // an organization of the directory (integer id)
  | 'appealId' // another appeal (its id)
  | 'code' // one code of `vocabulary`
  | 'codes' // a non-empty list of distinct codes of `vocabulary`
  | 'object' // `fields`
  | 'list'; // a list of objects, each `fields`

export interface FieldSpec {
  name: string;
  type: FieldType;
  required: boolean;
  label: Labels;
  vocabulary?: VocabularyName;
  /** 'object' fields, or each item of a 'list'. */
  fields?: readonly FieldSpec[];
  minItems?: number;
  /**
   * Date bounds relative to the decision date (the day the card is saved, rules p.24):
   * 'notAfterToday' — an event that already happened; 'notBeforeToday' — on or after it;
   * 'afterToday' — strictly after it.
   */
  when?: 'notAfterToday' | 'notBeforeToday' | 'afterToday';
  /** The field may be given only when another field has this value (equals) or is given (present). */
  onlyIf?: { field: string; equals?: boolean | string; present?: true };
  /** Omitted → computed by decisionData (e.g. 4.2 fixBy). */
  defaultValue?: 'fixDefault';
}

export const STRING_MAX = 500;
export const TEXT_MAX = 10_000;

export const L = (kk: string, ru: string, en: string): Labels => ({ kk, ru, en });

export const F = {
  text: (name: string, label: Labels, required = true): FieldSpec => ({ name, type: 'text', required, label }),
  string: (name: string, label: Labels, required = true): FieldSpec => ({ name, type: 'string', required, label }),
};

export const TEXT_LABEL = L('Шешімнің мәтіні', 'Текст решения', 'Text of the decision');
export const TARGET_ORG_LABEL = L('Жіберілетін субъект', 'Субъект, в который направляется', 'Organization it is sent to');
