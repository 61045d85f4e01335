// The JSON shapes of the queues: a queue's item, and the overview of heads and controllers.
import type { Calendar, IsoDate } from '../domain/calendar.ts';
import type { Language } from '../domain/vocabulary.ts';
import { AT_RISK_WORKING_DAYS, daysLeft, onTimeShare, termRisk } from '../domain/queues.ts';
import { organizationRef } from '../reference/present.ts';
import type { QueueRow } from './store.ts';
import type { overview } from './read.ts';

/** An item of GET /queues/:queue, with its days left and risk as of today. */
export function presentQueueItem(r: QueueRow, today: IsoDate, cal: Calendar, lang: Language) {
  const ended = r.review_ended_on !== null;
  return {
    id: r.id,
    registrationNumber: r.registration_number,
    talonNumber: r.talon_number,
    registrationDate: r.registration_date,
    dueDate: r.due_date,
    daysLeft: ended ? null : daysLeft(cal, today, r.due_date),
    risk: termRisk(cal, today, r.due_date, ended),
    documentType: r.document_type,
    form: r.form,
    channel: r.channel,
    applicantKind: r.applicant_kind,
    applicantName: r.applicant_name,
    summary: r.summary,
    status: r.status,
    issueCategory: r.issue_category,
    duplicateCandidate: r.duplicate_candidate,
    executor: r.executor_id ? { id: r.executor_id, name: r.executor_name ?? '' } : null,
    organization: organizationRef({ id: r.organization_id, code: r.organization_code, name_kk: r.name_kk, name_ru: r.name_ru, name_en: r.name_en }, lang),
    unsignedLetters: r.unsigned_letters,
    returnedDraft: r.returned_code ? { code: r.returned_code, remark: r.returned_remark, returnedBy: r.returned_by_name, returnedAt: r.returned_at?.toISOString() ?? null } : null,
  };
}

/** GET /overview. */
export function presentOverview({ today, period, root, counts, capped, onTime, executors, organizations }: Awaited<ReturnType<typeof overview>>, lang: Language) {
  return {
    today,
    atRiskDays: AT_RISK_WORKING_DAYS,
    organization: organizationRef(root, lang),
    period,
    counts,
    capped,
    onTime: { ended: onTime.ended, endedOnTime: onTime.ended_on_time, share: onTimeShare(onTime.ended, onTime.ended_on_time) },
    byExecutor: executors.map((e) => ({ executor: { id: e.id, name: e.full_name }, open: e.open, atRisk: e.at_risk, overdue: e.overdue })),
    byOrganization: organizations.map((o) => ({
      organization: organizationRef(o, lang),
      own: o.own,
      open: o.open,
      atRisk: o.at_risk,
      overdue: o.overdue,
      ended: o.ended,
      endedOnTime: o.ended_on_time,
      onTimeShare: onTimeShare(o.ended, o.ended_on_time),
    })),
  };
}
