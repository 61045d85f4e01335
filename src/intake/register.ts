// Use cases of intake: register an appeal (docs/legal-basis.md#registration), check it for duplicates (p.13).
import { randomUUID } from 'node:crypto';
import { timeZoneOf, type Context } from '../context.ts';
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import { AppError, forbidden, invalid } from '../errors.ts';
import { today } from '../context.ts';
import { closedPeriodForRegistration } from '../domain/corrections.ts';
import { registrationDate as registrationDateOf } from '../domain/calendar.ts';
import { dueDate, findTermRule, termRule } from '../domain/terms.ts';
import { registrationNumberPrefix, talonNumberPrefix } from '../domain/numbering.ts';
import { INITIAL_STATUS } from '../domain/appeal-status.ts';
import { applicantDisplayName, checkRegistration, filedWithReviewingBody, type ApplicantCard, type RegistrationInput } from '../domain/registration.ts';
import { comparableText, DUPLICATE_MAX_CANDIDATES, DUPLICATE_MIN_SIMILARITY, isDuplicateCandidate } from '../domain/duplicates.ts';
import { procedureOf, LETTER_INDEX } from '../domain/vocabulary.ts';
import { searchTextOf } from '../domain/search.ts';
import { applicantMessages, messageLanguage } from '../notifications/messages.ts';
import { obligationsOnReceipt } from '../domain/obligations.ts';
import * as store from './store.ts';
import * as appeals from '../appeals/store.ts';
import type { Db } from '../db/connection.ts';
import { IDEMPOTENCY_KEY_PATH, type IdempotentRequest } from '../http/idempotency.ts';
import { withLeasedNumbers } from '../exports/numbers.ts';

export interface DuplicateCandidate {
  appealId: string;
  registrationNumber: string;
  registrationDate: string;
  summary: string;
  status: string;
  score: number;
  reason: string;
}

export const REGISTERING_ROLES = ['registrar', 'operator', 'reception'] as const;

/** `fromPaperJournal`: entered from the paper journal of an outage (src/outages), which may date it
 *  in a closed period. `idempotency`: the client's Idempotency-Key (src/http/idempotency.ts); a
 *  repeat of the request with it answers the appeal it registered within 24 hours, and registers
 *  nothing. The key is stored by the statement that stores the appeal, so a key has an appeal or
 *  nothing; of concurrent requests with one key, the primary key lets one statement commit and the
 *  others fail, which then answer the appeal of the first (they wait for it in the database, not
 *  in a poll: no request ever finds a key "in progress"); in a use case's transaction too (the
 *  desk's registration with its scan), where the statement runs under a savepoint. */
export async function registerAppeal(ctx: Context, actor: Actor, input: RegistrationInput, options: { fromPaperJournal?: boolean; idempotency?: IdempotentRequest } = {}): Promise<string> {
  if (!hasRole(actor, ...REGISTERING_ROLES)) throw forbidden();
  const idempotency = options.idempotency;
  if (idempotency) {
    const earlier = await registeredWithKey(ctx, actor, idempotency);
    if (earlier) return earlier;
  }
  const prepared = await prepare(ctx, actor, input);
  const { organization, regDate, applicants, applicantKind } = prepared;
  // A month whose 1-ТӨ is formed is locked (src/domain/corrections.ts): no backdating into it.
  const closed = closedPeriodForRegistration(regDate, today(ctx), ctx.law.calendar, options.fromPaperJournal ?? false);
  if (closed) {
    const params = { period: `${closed.year}-${String(closed.month).padStart(2, '0')}`, closedOn: closed.closedOn };
    throw new AppError(409, 'registration.periodClosed', [{ path: '/receivedAt', code: 'registration.periodClosed', params }], params);
  }
  const rule = termRule(ctx.law.terms, input.documentType, input.subKind);
  const due = dueDate(ctx.law.calendar, regDate, rule.term, ctx.law.count);
  const now = ctx.clock.now();
  const id = randomUUID();
  const year = Number(regDate.slice(0, 4));
  // The statement that stores the appeal takes the sequence from the counter and appends its digits.
  const numberPrefix = registrationNumberPrefix(applicantKind, year);
  const talonPrefix = talonNumberPrefix(regDate);

  const appeal = {
    id,
    organization_id: organization.id,
    letter_index: LETTER_INDEX[applicantKind],
    registration_year: year,
    received_at: prepared.receivedAt,
    registration_date: regDate,
    due_date: due,
    document_type: input.documentType,
    sub_kind: rule.subKind,
    procedure: procedureOf(input.documentType),
    form: input.form,
    channel: input.channel,
    language: input.language,
    addressee_category: input.addresseeCategory ?? null,
    issue_category: input.issueCategory ?? null,
    summary: input.summary.trim(),
    text: input.text ?? '',
    protocol_text: input.protocolText ?? null,
    applicant_kind: applicantKind,
    applicant_name: applicantDisplayName(applicants),
    complained_organization_id: input.complainedOrganizationId ?? null,
    complained_organization_name: input.complainedOrganizationName ?? null,
    complained_official: input.complainedOfficial ?? null,
    complained_act: input.complainedAct ?? null,
    challenged_appeal_id: input.challengedAppealId ?? null,
    security_info: input.securityInfo ?? false,
    at_reviewing_body: filedWithReviewingBody(input, organization.id),
    status: INITIAL_STATUS,
    registered_by: actor.id,
    registrar_name: actor.fullName,
    registrar_position: actor.position,
    created_at: now,
    updated_at: now,
  };
  // The applicant learns the numbers and the term by e-mail or SMS when given; the talon of a
  // complaint-box appeal goes this way only (rules p.9).
  const lang = messageLanguage(input.language);
  const messageData = {
    organizationId: organization.id,
    appealId: id,
    registrationNumber: numberPrefix + store.SEQUENCE_PLACEHOLDER,
    talonNumber: talonPrefix + store.SEQUENCE_PLACEHOLDER,
    registrationDate: regDate,
    dueDate: due,
    organizationName: organization[`name_${lang}`],
  };
  const messageKind = input.channel === 'complaintBox' ? 'talon' : 'registered';
  const messages = applicants.flatMap((a) => applicantMessages(messageKind, lang, messageData, { email: a.email, phone: a.phone }));
  const registration: store.NewRegistration = {
    appeal: { ...appeal, search_text: searchTextOf(appeal) },
    numberPrefix,
    talonPrefix,
    applicants,
    // The duplicate check of findDuplicates, done by the statement that stores the appeal (its
    // filter and rounding mirror isDuplicateCandidate and the score below: keep them together).
    duplicateSearch: {
      comparable: comparableText(input.summary, input.text),
      limit: DUPLICATE_MAX_CANDIDATES,
      minSimilarity: DUPLICATE_MIN_SIMILARITY,
    },
    event: {
      appealId: id,
      organizationId: organization.id,
      actor,
      at: now,
      kind: 'registered',
      // + registrationNumber, talonNumber and duplicateCandidates, from the statement
      changes: {
        registrationDate: regDate,
        dueDate: due,
        term: { ...rule.term, basis: rule.basis },
        documentType: input.documentType,
        applicantKind,
      },
    },
    messages,
    obligations: obligationsOnReceipt(
      { procedure: appeal.procedure, atReviewingBody: appeal.at_reviewing_body, anonymous: applicantKind === 'anonymous', securityInfo: appeal.security_info },
      ctx.law.calendar,
      regDate,
      ctx.law.count,
    ).map((o) => ({
      id: randomUUID(),
      kind: o.kind,
      due_date: o.dueDate,
      basis: o.basis,
    })),
    idempotency: idempotency && { user_id: actor.id, key: idempotency.key, request_sha256: idempotency.requestSha256, created_at: now },
  };
  try {
    // the number from the instance's leased blocks when an authority leases them (src/exports/numbers.ts)
    await withLeasedNumbers(ctx, year, () => store.storeRegistration(ctx.db, registration));
  } catch (e) {
    // a concurrent request with the same key committed first (its statement took the key)
    if (idempotency && store.isIdempotencyConflict(e)) {
      const earlier = await registeredWithKey(ctx, actor, idempotency);
      if (earlier) return earlier;
    }
    throw e;
  }
  return id;
}

/** The appeal the actor's key registered within 24 hours, if it did; refused when the key came
 *  with another request. */
async function registeredWithKey(ctx: Context, actor: Actor, idempotency: IdempotentRequest): Promise<string | undefined> {
  const stored = await store.idempotentResult(ctx.db, actor.id, idempotency.key, ctx.clock.now());
  if (!stored) return undefined;
  if (stored.request_sha256 !== idempotency.requestSha256) {
    throw new AppError(422, 'idempotency.keyReused', [{ path: IDEMPOTENCY_KEY_PATH, code: 'idempotency.keyReused' }]);
  }
  return stored.appeal_id;
}

/** The duplicate check on demand, before saving: the same checks and candidates as registration. */
export async function checkDuplicates(ctx: Context, actor: Actor, input: RegistrationInput): Promise<DuplicateCandidate[]> {
  const { organization, applicants } = await prepare(ctx, actor, input);
  return findDuplicates(ctx.db, organization.id, applicants, input);
}

async function prepare(ctx: Context, actor: Actor, input: RegistrationInput) {
  const organizationId = input.organizationId ?? actor.organizationId;
  const codes = directoryCodes(input);
  const given = codes.filter((c): c is CodeCheck & { code: string } => typeof c.code === 'string');
  // The scope check, the organization, the complained-about organization and the directory codes,
  // from the reference cache or one statement; the checks below keep the order of their answers.
  const context = await store.registrationContext(ctx.db, actor, organizationId, input.complainedOrganizationId, given);
  if (!context.canAct) throw forbidden();
  const organization = context.organization;
  if (!organization) throw invalid([{ path: '/organizationId', code: 'organization.unknown' }]);

  const now = ctx.clock.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime()) throw invalid([{ path: '/receivedAt', code: 'receivedAt.inFuture' }]);
  const regDate = registrationDateOf(receivedAt, timeZoneOf(ctx, organization), { start: organization.work_start, end: organization.work_end }, ctx.law.calendar);
  const checked = checkRegistration(input, regDate);
  if (!checked.ok) throw invalid(checked.errors);
  if (!findTermRule(ctx.law.terms, input.documentType, input.subKind)) {
    throw invalid([{ path: '/subKind', code: 'subKind.unknown', params: { subKind: input.subKind!, documentType: input.documentType } }]);
  }
  const unknown = given.filter((c) => !context.knownCodes.has(`${c.directory}/${c.code}`)).map((c) => ({ path: c.path, code: 'directory.unknownCode', params: { code: c.code } }));
  if (unknown.length > 0) throw invalid(unknown);
  if (!context.complainedExists) throw invalid([{ path: '/complainedOrganizationId', code: 'organization.unknown' }]);
  if (input.challengedAppealId !== undefined && !(await appeals.appealVisible(ctx.db, actor, input.challengedAppealId))) {
    throw invalid([{ path: '/challengedAppealId', code: 'appeal.unknown' }]);
  }
  return { organization, receivedAt, regDate, applicants: checked.applicants, applicantKind: checked.applicantKind };
}

async function findDuplicates(db: Db, organizationId: number, applicants: ApplicantCard[], input: RegistrationInput): Promise<DuplicateCandidate[]> {
  const rows = await store.earlierAppealsOfApplicants(db, organizationId, applicants, comparableText(input.summary, input.text), DUPLICATE_MAX_CANDIDATES);
  return rows
    .filter((r) => isDuplicateCandidate(r.similarity))
    .map((r) => ({
      appealId: r.id,
      registrationNumber: r.registration_number,
      registrationDate: r.registration_date,
      summary: r.summary,
      status: r.status,
      score: Math.round(r.similarity * 100) / 100, // as store.insertRegistrations rounds it
      reason: r.reason,
    }));
}

interface CodeCheck {
  directory: string;
  code: string | undefined | null;
  path: string;
}

/** The codes an appeal carries that must come from the directories. */
function directoryCodes(input: RegistrationInput): CodeCheck[] {
  const list = input.applicants ?? (input.applicant ? [input.applicant] : []);
  const at = (i: number) => (input.applicants ? `/applicants/${i}` : '/applicant');
  return [
    { directory: 'language', code: input.language, path: '/language' },
    { directory: 'issueCategory', code: input.issueCategory, path: '/issueCategory' },
    { directory: 'addresseeCategory', code: input.addresseeCategory, path: '/addresseeCategory' },
    ...list.flatMap((a, i) =>
      a.kind === 'individual'
        ? [
            { directory: 'citizenship', code: a.citizenship, path: `${at(i)}/citizenship` },
            { directory: 'nationality', code: a.nationality, path: `${at(i)}/nationality` },
            { directory: 'socialStatus', code: a.socialStatus, path: `${at(i)}/socialStatus` },
          ]
        : [{ directory: 'businessCategory', code: a.businessCategory, path: `${at(i)}/businessCategory` }],
    ),
  ];
}
