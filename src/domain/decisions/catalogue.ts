// The decision catalogue DECISIONS: one row per ТЖ-2 decision, built from the rows of catalogue-*.ts
// with the defaults of a row applied; and the rule for anonymous appeals (ANONYMOUS_RULE).

import type { Procedure } from '../vocabulary.ts';
import { DECISION_CODES, type DecisionCode, type DecisionRule, type RuleSpec } from './rule.ts';
import { RECEIPT_SPECS } from './catalogue-receipt.ts';
import { PROCEDURE_SPECS } from './catalogue-procedure.ts';
import { OUTCOME_SPECS } from './catalogue-outcomes.ts';
import { DECISION_BASIS } from './basis.ts';

const SPECS: Record<DecisionCode, RuleSpec> = { ...RECEIPT_SPECS, ...PROCEDURE_SPECS, ...OUTCOME_SPECS };

function buildRule(code: DecisionCode, s: RuleSpec): DecisionRule {
  return Object.freeze({
    code,
    ...s,
    basisText: DECISION_BASIS[code],
    complaintStage: s.complaintStage ?? 'any',
    after: s.after ?? [],
    afterEnd: s.afterEnd ?? false,
    hearing: s.hearing ?? 'never',
    approval: s.approval ?? false,
    stateConditions: s.stateConditions ?? [],
    inputConditions: s.inputConditions ?? [],
  });
}

/** The decision catalogue: one row per ТЖ-2 decision. */
export const DECISIONS: Readonly<Record<DecisionCode, DecisionRule>> = Object.freeze(Object.fromEntries(DECISION_CODES.map((c) => [c, buildRule(c, SPECS[c])])) as Record<DecisionCode, DecisionRule>);

/**
 * Art. 88 p.1: an anonymous report, inquiry, feedback or proposal is terminated (4.13, head or
 * deputy) unless it is marked as containing information on a crime being prepared or committed or
 * on a threat to state or public security: then it is forwarded (4.4) to the competent body at once.
 * Besides 4.13 a plain anonymous document may still be moved out (4.1) or attached as a duplicate
 * (4.5): those are accounting decisions (rules p.15, p.22), not a review. The rule is the
 * simplified procedure's (Chapter 12); anonymous applications and complaints follow their own
 * procedure (4.13 with the ground "anonymous" is open to them).
 */
export const ANONYMOUS_RULE = {
  procedures: ['simplified'] as readonly Procedure[],
  plain: ['4.1', '4.5', '4.13'] as readonly DecisionCode[],
  crimeOrSecurity: ['4.4'] as readonly DecisionCode[],
  basis: 'APPC Art. 88 p.1',
};
