// The SQL that makes a country's appeals on the server (bench/country.ts): a staging table of the
// dice thrown for each appeal, then the rows production writes, table by table, from it.
// bench_gen.u(i, k) is the k-th die of appeal i: hashint8extended, the same for the same seed.

export interface CountryParams {
  n: number;
  seed: number;
  /** The last day of the two years (the server's today). */
  today: string;
  topics: [string, string, string][];
  sentences: string[];
  pdfBytes: number;
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: readonly string[]) => `ARRAY[${xs.map(q).join(',')}]::text[]`;
const DAYS = 730;

/** Cumulative-weight choice over u: CASE WHEN u < w1 THEN v1 WHEN u < w1+w2 THEN v2 … */
function choice(u: string, items: [string, number][]): string {
  let acc = 0;
  const parts = items.slice(0, -1).map(([v, w]) => {
    acc += w;
    return `WHEN ${u} < ${acc.toFixed(4)} THEN ${q(v)}`;
  });
  return `CASE ${parts.join(' ')} ELSE ${q(items[items.length - 1]![0])} END`;
}

const TERM = {
  administrative: { count: 15, basis: 'APPC Art. 76 p.1: 15 working days from receipt; extension by the head or a deputy up to 2 months (Art. 76 p.3)' },
  complaint: { count: 20, basis: 'APPC Art. 99: 20 working days from receipt by the reviewing body; no extension' },
  simplified: { count: 15, basis: 'APPC Art. 87 p.2 (simplified procedure) via Art. 76 p.1: 15 working days from receipt' },
};
const OVERDUE_BASIS = 'APPC Art. 76 p.1–p.3; Law on the procedure of review of appeals: the review term (15 WD, extended up to 2 months)';

export function stagingSql(p: CountryParams): string {
  const u = (k: number) => `bench_gen.u(i, ${k})`;
  const topicCount = p.topics.length;
  return `
CREATE FUNCTION bench_gen.u(i bigint, k integer) RETURNS float8 IMMUTABLE PARALLEL SAFE LANGUAGE sql
  AS $$ SELECT (hashint8extended(i, k + ${p.seed}::bigint * 1000) & 2147483647)::float8 / 2147483648.0 $$;
CREATE TABLE bench_gen.slots AS
  SELECT (row_number() OVER (ORDER BY o, k) - 1)::integer AS slot, o
  FROM bench_gen.orgs, generate_series(1, round(w / (SELECT sum(w) FROM bench_gen.orgs) * 1000000)::integer) k WHERE w > 0;
ALTER TABLE bench_gen.slots ADD PRIMARY KEY (slot);
CREATE TABLE bench_gen.parents AS SELECT id AS o, coalesce(parent_id, id) AS parent FROM organizations;
CREATE UNLOGGED TABLE bench_gen.a AS
SELECT x.*,
  extract(year FROM rd)::integer AS y,
  (rd + CASE WHEN procedure = 'complaint' THEN 28 ELSE 21 END + CASE WHEN ext THEN 30 ELSE 0 END) AS due,
  CASE WHEN open THEN NULL ELSE rd + dur END AS ended,
  CASE WHEN open AND NOT assigned THEN NULL ELSE md5('ue' || x.o || '-' || (1 + floor(ue * e)::integer))::uuid END AS executor,
  CASE WHEN open AND NOT assigned THEN NULL ELSE 'e' || x.o || '-' || (1 + floor(ue * e)::integer) END AS executor_login
FROM (
  SELECT g.*, s.o, org.e,
    (g.age <= 2 AND g.u7 < 0.5) IS FALSE AS assigned,
    (g.rd + g.dur >= '${p.today}'::date OR g.u7 > 0.997 OR (g.age <= 2 AND g.u7 < 0.5)) AS open,
    CASE WHEN g.document_type = 'application' THEN 'administrative' WHEN g.document_type = 'complaint' THEN 'complaint' ELSE 'simplified' END AS procedure,
    CASE WHEN g.document_type = 'application' THEN ${choice('g.u8', [
      ['4.15', 0.7],
      ['4.13', 0.08],
      ['4.3', 0.04],
      ['4.6', 0.05],
      ['4.4', 0.13],
    ])}
         WHEN g.document_type = 'complaint' THEN ${choice('g.u8', [
           ['4.24', 0.3],
           ['4.18', 0.08],
           ['4.19', 0.05],
           ['4.20', 0.07],
           ['4.21', 0.3],
           ['4.22', 0.08],
           ['4.23', 0.07],
           ['4.15', 0.05],
         ])}
         ELSE ${choice('g.u8', [
           ['4.25', 0.7],
           ['4.26', 0.15],
           ['4.13', 0.05],
           ['4.4', 0.1],
         ])} END AS final,
    CASE WHEN g.document_type = 'complaint' THEN ${choice('g.u2', [
      ['paper', 0.4],
      ['electronic', 0.6],
    ])}
         ELSE ${choice('g.u2', [
           ['paper', 0.35],
           ['electronic', 0.55],
           ['oral', 0.08],
           ['video', 0.02],
         ])} END AS form,
    CASE WHEN g.document_type = 'complaint' THEN 'individual' ELSE ${choice('g.u4', [
      ['individual', 0.78],
      ['legalEntity', 0.1],
      ['anonymous', 0.05],
      ['collective', 0.07],
    ])} END AS applicant_kind,
    (g.document_type <> 'complaint' AND g.u12 < 0.08) AS ext
  FROM (
    SELECT i, md5('a' || ${p.seed} || '-' || i)::uuid AS id, rd, '${p.today}'::date - rd AS age,
      ${choice(u(1), [
        ['application', 0.45],
        ['complaint', 0.08],
        ['report', 0.15],
        ['inquiry', 0.12],
        ['feedback', 0.05],
        ['proposal', 0.15],
      ])} AS document_type,
      ${u(2)} AS u2, ${u(3)} AS u3, ${u(4)} AS u4, ${u(7)} AS u7, ${u(8)} AS u8, ${u(10)} AS u10, ${u(11)} AS ue, ${u(12)} AS u12, ${u(13)} AS u13,
      CASE WHEN ${u(9)} > 0.95 THEN 22 + floor(${u(14)} * 30)::integer ELSE 1 + floor(${u(14)} * 14)::integer END AS dur,
      floor(${u(5)} * ${topicCount})::integer AS topic,
      floor(${u(6)} * ${Math.max(1000, Math.round(p.n * 0.6))})::bigint AS person,
      (hashint8extended(i, ${p.seed}::bigint * 1000 + 20) & 2147483647) % (SELECT count(*) FROM bench_gen.slots) AS slot
    FROM (
      SELECT i, d + CASE extract(isodow FROM d) WHEN 6 THEN -1 WHEN 7 THEN 1 ELSE 0 END AS rd
      FROM (SELECT i, '${p.today}'::date - ${DAYS} + ((i - 1) * ${DAYS} / ${p.n})::integer AS d FROM generate_series(1, ${p.n}::bigint) i) d0
    ) d1
  ) g
  JOIN bench_gen.slots s ON s.slot = g.slot
  JOIN bench_gen.orgs org ON org.o = s.o
) x;
-- the benchmark's executor: 40 more open appeals of the organization with the most of them
UPDATE bench_gen.a SET executor = md5('ue' || o || '-1')::uuid, executor_login = 'e' || o || '-1'
WHERE i IN (SELECT i FROM bench_gen.a WHERE open AND assigned AND o = (SELECT o FROM bench_gen.a WHERE open GROUP BY o ORDER BY count(*) DESC, o LIMIT 1) ORDER BY i LIMIT 40);
ALTER TABLE bench_gen.a ADD PRIMARY KEY (i);
`;
}

/** The appeals (ТЖ-1), in two halves for the two sessions. */
export function appealsSql(p: CountryParams, years: { year: number; first: number }[]): string[] {
  const seq = `(i - CASE y ${years.map((r) => `WHEN ${r.year} THEN ${r.first - 1}`).join(' ')} END)`;
  const topics = p.topics;
  const half = Math.ceil(p.n / 2);
  const sentence = (k: number) => `(${arr(p.sentences)})[1 + (hashint8extended(i, ${p.seed}::bigint * 1000 + ${30 + k}) & 2147483647) % ${p.sentences.length}]`;
  const statusOf = `CASE WHEN open AND NOT assigned THEN 'registered' WHEN open THEN 'inExecution'
      WHEN final = '4.3' THEN 'returned' WHEN final = '4.4' THEN 'forwarded' WHEN final = '4.6' THEN 'withdrawn' WHEN final = '4.13' THEN 'terminated' ELSE 'completed' END`;
  const prefix = `CASE applicant_kind WHEN 'individual' THEN 'ЖТ' WHEN 'legalEntity' THEN 'ЗТ' WHEN 'anonymous' THEN 'АН' ELSE 'ҰЖ' END`;
  const range = (lo: number, hi: number) => `
INSERT INTO appeals (id, organization_id, registration_number, letter_index, registration_year, sequence_number, talon_number, received_at,
  registration_date, due_date, document_type, sub_kind, procedure, form, channel, language, addressee_category, issue_category, summary, text,
  applicant_kind, applicant_name, status, registered_by, registrar_name, registrar_position, duplicate_candidate, created_at, updated_at,
  executor_id, final_decision_code, review_ended_on, answer_sent_at, search_text)
-- the folded words as searchTextOf (src/domain/search.ts) writes them, here by fold_search()
SELECT g.*, fold_search(g.summary || ' ' || g.text || ' ' || coalesce(g.applicant_name, '')) FROM (
SELECT id, o, ${prefix} || '-' || y || '-' || lpad(${seq}::text, 8, '0'), ${prefix}, y, ${seq}, to_char(rd, 'YYMMDD') || lpad(${seq}::text, 8, '0'),
  rd + time '03:00' + make_interval(mins => (i % 480)::integer), rd, due, document_type, NULL, procedure, form,
  CASE form WHEN 'paper' THEN ${choice('u3', [
    ['post', 0.5],
    ['inPerson', 0.4],
    ['complaintBox', 0.1],
  ])}
            WHEN 'electronic' THEN ${choice('u3', [
              ['egovPortal', 0.5],
              ['publicPortal', 0.35],
              ['email', 0.15],
            ])}
            WHEN 'oral' THEN ${choice('u3', [
              ['personalReception', 0.6],
              ['contactCentre', 0.4],
            ])} ELSE 'publicPortal' END,
  (${arr(topics.map((t) => t[1]))})[1 + topic], NULL, (${arr(topics.map((t) => t[0]))})[1 + topic], (${arr(topics.map((t) => t[2]))})[1 + topic] AS summary,
  (${arr(topics.map((t) => t[2]))})[1 + topic] || '. ' || ${sentence(1)} || ' ' || ${sentence(2)} || ' ' || ${sentence(3)} AS text,
  applicant_kind,
  CASE applicant_kind WHEN 'anonymous' THEN NULL WHEN 'legalEntity' THEN 'ТОО «Компания ' || person || '»' ELSE bench_gen.person_name(person) END AS applicant_name,
  ${statusOf}, md5('ur' || o)::uuid, bench_gen.person_name(hashtext('r' || o)::bigint & 1048575), 'Тіркеуші маман', u13 < 0.06,
  rd + time '03:00', CASE WHEN open THEN rd + time '03:00' ELSE ended + time '07:00' END,
  executor, CASE WHEN open THEN NULL ELSE final END, ended, CASE WHEN open THEN NULL ELSE ended + time '07:00' END
FROM bench_gen.a WHERE i BETWEEN ${lo} AND ${hi}) g`;
  return [range(1, half), range(half + 1, p.n)];
}

/** Everything else production writes about these appeals, each table one statement. */
export function derivedSql(p: CountryParams): string[] {
  const term = (proc: keyof typeof TERM) => `jsonb_build_object('unit', 'workingDays', 'count', ${TERM[proc].count}, 'basis', ${q(TERM[proc].basis)})`;
  const headName = `bench_gen.person_name(hashtext('h' || a.o)::bigint & 1048575)`;
  const execName = `bench_gen.person_name(hashtext(a.executor_login)::bigint & 1048575)`;
  const decisionData = `CASE WHEN a.final = '4.4' THEN jsonb_build_object('targetOrganizationId', pa.parent, 'text', 'Жолданды')
      WHEN a.final IN ('4.15', '4.19') THEN jsonb_build_object('favourable', a.u8 < 0.49, 'text', 'Шешім қабылданды')
      WHEN a.final = '4.13' THEN jsonb_build_object('reason', 'applicantRequest', 'text', 'Тоқтатылды')
      ELSE jsonb_build_object('text', 'Сұрағыңыз бойынша түсініктеме берілді: толығы жауап хатта.') END`;
  const finalStatus = `CASE WHEN a.final = '4.3' THEN 'returned' WHEN a.final = '4.4' THEN 'forwarded' WHEN a.final = '4.6' THEN 'withdrawn' WHEN a.final = '4.13' THEN 'terminated' ELSE 'completed' END`;
  const pdf = `decode(repeat('255044462d312e370a', ${Math.floor(p.pdfBytes / 9)}), 'hex')`;
  return [
    // АИ-1: one card per applicant, two for a collective appeal, none for an anonymous one
    `INSERT INTO applicant_cards (id, appeal_id, organization_id, position, kind, citizenship, iin, last_name, first_name, middle_name, birth_date, sex,
       address_country, address_region, address_settlement, address_street, address_house, phone_mobile, email, social_status, bin, legal_name, legal_address)
     SELECT md5('c' || a.i || '-' || k)::uuid, a.id, a.o, k, CASE a.applicant_kind WHEN 'legalEntity' THEN 'legalEntity' ELSE 'individual' END,
       CASE WHEN a.applicant_kind <> 'legalEntity' THEN 'KZ' END,
       CASE WHEN a.applicant_kind <> 'legalEntity' THEN lpad((((a.person + k - 1) * 7919) % 1000000000000)::text, 12, '0') END,
       CASE WHEN a.applicant_kind <> 'legalEntity' THEN split_part(bench_gen.person_name(a.person + k - 1), ' ', 1) END,
       CASE WHEN a.applicant_kind <> 'legalEntity' THEN split_part(bench_gen.person_name(a.person + k - 1), ' ', 2) END,
       CASE WHEN a.applicant_kind <> 'legalEntity' THEN nullif(split_part(bench_gen.person_name(a.person + k - 1), ' ', 3), '') END,
       CASE WHEN a.applicant_kind <> 'legalEntity' THEN date '1950-01-01' + ((a.person * 31) % 20000)::integer END,
       CASE WHEN a.applicant_kind <> 'legalEntity' THEN CASE WHEN a.person % 2 = 0 THEN 'male' ELSE 'female' END END,
       'KZ', 'Облыс', 'Елді мекен ' || (a.person % 500), 'Көше ' || (a.person % 300), (1 + a.person % 120)::text,
       '+7701' || lpad(((a.person + k) % 10000000)::text, 7, '0'), 'person' || a.person || '@example.kz',
       CASE WHEN a.applicant_kind <> 'legalEntity' THEN 'employed' END,
       CASE WHEN a.applicant_kind = 'legalEntity' THEN lpad(((a.person * 104729) % 1000000000000)::text, 12, '0') END,
       CASE WHEN a.applicant_kind = 'legalEntity' THEN 'ТОО «Компания ' || a.person || '»' END,
       CASE WHEN a.applicant_kind = 'legalEntity' THEN 'Заңды мекенжай ' || a.person END
     FROM bench_gen.a a, generate_series(1, CASE a.applicant_kind WHEN 'anonymous' THEN 0 WHEN 'collective' THEN 2 ELSE 1 END) k`,
    `INSERT INTO assignments (id, appeal_id, organization_id, executor_id, co_executor_ids, assigned_by, assigned_at)
     SELECT md5('s' || a.i)::uuid, a.id, a.o, a.executor, '{}', md5('uh' || a.o)::uuid, a.rd + time '06:00' + interval '1 day'
     FROM bench_gen.a a WHERE a.executor IS NOT NULL`,
    // ТЖ-2: the final decision of every ended review, an extension (4.14) for some
    `INSERT INTO decisions (id, appeal_id, organization_id, code, decision_date, decided_at, actor_id, actor_name, data)
     SELECT md5('d' || a.i)::uuid, a.id, a.o, a.final, a.ended, a.ended + time '07:00', md5('uh' || a.o)::uuid, ${headName}, ${decisionData}
     FROM bench_gen.a a JOIN bench_gen.parents pa ON pa.o = a.o WHERE a.ended IS NOT NULL
     UNION ALL
     SELECT md5('x' || a.i)::uuid, a.id, a.o, '4.14', a.rd + 10, a.rd + time '07:00' + interval '10 days', md5('uh' || a.o)::uuid, ${headName},
       jsonb_build_object('newDueDate', to_char(a.due, 'YYYY-MM-DD'), 'reason', 'Қосымша тексеру қажет')
     FROM bench_gen.a a WHERE a.ext AND (a.ended IS NULL OR a.ended > a.rd + 10) AND a.rd + 10 < '${p.today}'::date`,
    // the heads' approval: a draft waits for some open appeals in execution
    `INSERT INTO decision_drafts (id, appeal_id, organization_id, code, data, drafted_by, drafted_by_name, drafted_at, status)
     SELECT md5('r' || a.i)::uuid, a.id, a.o, a.final, jsonb_build_object('text', 'Жоба'), a.executor, ${execName}, '${p.today}'::date - 1 + time '08:00', 'pending'
     FROM bench_gen.a a WHERE a.ended IS NULL AND a.executor IS NOT NULL AND a.u10 < 0.05`,
    `INSERT INTO letters (id, appeal_id, organization_id, decision_id, signatory_id, number, language, letter_date, pdf, sha256, signer_id, signer_name, signed_at, sent_at, created_at)
     SELECT md5('l' || a.i)::uuid, ap.id, a.o, md5('d' || a.i)::uuid, md5('uh' || a.o)::uuid, ap.registration_number || '-1', ap.language, a.ended, ${pdf},
       md5(ap.registration_number) || md5(ap.talon_number), md5('uh' || a.o)::uuid, ${headName}, a.ended + time '07:00', a.ended + time '07:00', a.ended + time '05:00'
     FROM bench_gen.a a JOIN appeals ap ON ap.id = a.id WHERE a.ended IS NOT NULL`,
    // the audit log: registered, assigned, the decision, the letter signed
    `INSERT INTO events (appeal_id, organization_id, actor_id, actor_name, at, kind, changes)
     SELECT ap.id, a.o, md5('ur' || a.o)::uuid, ap.registrar_name, ap.received_at, 'registered',
       jsonb_build_object('term', CASE a.procedure WHEN 'administrative' THEN ${term('administrative')} WHEN 'complaint' THEN ${term('complaint')} ELSE ${term('simplified')} END,
         'dueDate', to_char(a.rd + CASE WHEN a.procedure = 'complaint' THEN 28 ELSE 21 END, 'YYYY-MM-DD'), 'talonNumber', ap.talon_number, 'documentType', ap.document_type,
         'applicantKind', ap.applicant_kind, 'registrationDate', to_char(a.rd, 'YYYY-MM-DD'), 'registrationNumber', ap.registration_number, 'duplicateCandidates', '[]'::jsonb)
     FROM bench_gen.a a JOIN appeals ap ON ap.id = a.id
     UNION ALL
     SELECT a.id, a.o, md5('uh' || a.o)::uuid, ${headName}, a.rd + time '06:00' + interval '1 day', 'assigned',
       jsonb_build_object('status', jsonb_build_object('from', 'registered', 'to', 'inExecution'), 'executor', jsonb_build_object('from', NULL, 'to', a.executor),
         'coExecutors', jsonb_build_object('from', '[]'::jsonb, 'to', '[]'::jsonb), 'controlDate', NULL)
     FROM bench_gen.a a WHERE a.executor IS NOT NULL
     UNION ALL
     SELECT a.id, a.o, md5('uh' || a.o)::uuid, ${headName}, a.ended + time '07:00', 'decision',
       jsonb_build_object('status', jsonb_build_object('from', 'inExecution', 'to', 'toSign'), 'decision', jsonb_build_object('id', md5('d' || a.i)::uuid, 'code', a.final))
     FROM bench_gen.a a WHERE a.ended IS NOT NULL
     UNION ALL
     SELECT a.id, a.o, md5('uh' || a.o)::uuid, ${headName}, a.ended + time '07:00', 'letterSigned',
       jsonb_build_object('status', jsonb_build_object('from', 'toSign', 'to', ${finalStatus}))
     FROM bench_gen.a a WHERE a.ended IS NOT NULL`,
    `INSERT INTO obligations (id, appeal_id, organization_id, kind, due_date, basis, met_on)
     SELECT md5('o' || a.i)::uuid, a.id, a.o, 'complaintForward', a.rd + 3, 'APPC Art. 91 p.4: within 3 working days of receipt (or a favourable act fully satisfying the complaint)',
       CASE WHEN a.ended IS NOT NULL OR a.rd + 2 < '${p.today}'::date THEN a.rd + 2 END
     FROM bench_gen.a a WHERE a.procedure = 'complaint'
     UNION ALL
     SELECT md5('n' || a.i)::uuid, a.id, a.o, 'notifyExtension', a.rd + 13, 'APPC Art. 76 p.3: within 3 working days of the extension',
       CASE WHEN a.rd + 11 < '${p.today}'::date THEN a.rd + 11 END
     FROM bench_gen.a a WHERE a.ext AND (a.ended IS NULL OR a.ended > a.rd + 10) AND a.rd + 10 < '${p.today}'::date`,
    // the detectors' register: every answer late or still overdue
    `INSERT INTO violations (id, kind, subject_key, basis, organization_id, appeal_id, employee_id, detected_at)
     SELECT md5('v' || a.i)::uuid, 'answerOverdue', a.id::text, ${q(OVERDUE_BASIS)}, a.o, a.id, a.executor, a.due + time '01:00' + interval '1 day'
     FROM bench_gen.a a WHERE coalesce(a.ended, '${p.today}'::date) > a.due`,
  ];
}
