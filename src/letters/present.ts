// The JSON shapes of letters: a letter with its signature checked now, and the public verification.
import type { VerifyResult } from './cms.ts';
import type { verifyLetter } from './service.ts';
import type { lettersOf } from './store.ts';

/** An item of GET /appeals/:id/letters. */
export function presentLetter(l: Awaited<ReturnType<typeof lettersOf>>[number], check: VerifyResult | null) {
  return {
    id: l.id,
    number: l.number,
    decisionCode: l.code!,
    decisionId: l.decision_id,
    draftId: l.draft_id,
    signatory: l.signatory_id ? { id: l.signatory_id, name: l.signatory_name } : null,
    language: l.language,
    letterDate: l.letter_date,
    sha256: l.sha256,
    signed: l.signed_at !== null,
    signedAt: l.signed_at?.toISOString() ?? null,
    signerName: l.signer_name,
    sentAt: l.sent_at?.toISOString() ?? null,
    signature: check ? { valid: check.valid, reason: check.reason ?? null, signer: check.signer ?? null } : null,
  };
}

/** GET /verify/:letterId, and the public page the letter's QR code opens. */
export function presentVerification({ letter, result }: Awaited<ReturnType<typeof verifyLetter>>, lang: 'kk' | 'ru' | 'en') {
  return {
    letterId: letter.id,
    number: letter.number,
    letterDate: letter.letter_date,
    organization: lang === 'ru' ? letter.name_ru : lang === 'en' ? letter.name_en : letter.name_kk,
    sha256: letter.sha256,
    signed: result !== null,
    valid: result?.valid ?? false,
    reason: result?.reason ?? (result ? null : 'notSigned'),
    signer: result?.signer ? { name: result.signer.commonName, organization: result.signer.organization ?? null } : null,
    signedAt: result?.signingTime ?? null,
  };
}
