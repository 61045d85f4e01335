// The portal's pages loaded on demand: the applicant's appeals and card (timeline, actions within
// their windows, files, talon), filing an appeal with attachments and the applicant's similar
// earlier appeals, and the open statistics.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, api, download, token, useI18n, type Card, type MyAppeal } from './api.ts';
import { StatusTable } from './status.tsx';

function useSignedIn(): boolean {
  return token.get() !== null;
}

function ToSignIn() {
  const location = useLocation();
  return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
}

export function Problem({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const text = error instanceof ApiError ? [error.message, ...error.fields.map((f) => f.message)].join(': ') : t('error.generic');
  return (
    <p className="error" role="alert">
      {text}
    </p>
  );
}

export function Mine() {
  const { t, date } = useI18n();
  const signedIn = useSignedIn();
  const [items, setItems] = useState<MyAppeal[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (signedIn)
      api<{ items: MyAppeal[] }>('GET', '/api/v1/public/me/appeals?limit=100')
        .then((r) => setItems(r.items))
        .catch(setError);
  }, [signedIn]);
  if (!signedIn) return <ToSignIn />;
  return (
    <>
      <h1>{t('mine.title')}</h1>
      <Problem error={error} />
      {items?.length === 0 && <p>{t('mine.empty')}</p>}
      <ul className="cards">
        {items?.map((a) => (
          <li key={a.id}>
            <Link to={`/my/${a.id}`} className="card-link">
              <strong>№ {a.registrationNumber}</strong> <span className={`badge badge-${a.status}`}>{t(`status.${a.status}` as never)}</span>
              <span className="muted">
                {date(a.registrationDate)} · {a.organization.name}
              </span>
              <span>{a.summary}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function ActionForm({ id, action, until, onDone }: { id: string; action: Card['actions'][number]['action']; until: string | null; onDone(): void }) {
  const { t, date, lang } = useI18n();
  const [text, setText] = useState('');
  const [score, setScore] = useState(5);
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const attachmentIds = await uploadFiles(files, lang);
      await api('POST', `/api/v1/public/me/appeals/${id}/${action}`, { ...(text ? { text } : {}), ...(action === 'rate' ? { score } : {}), ...(attachmentIds.length ? { attachmentIds } : {}) });
      setText('');
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  const label = t(`action.${action}`);
  return (
    <form onSubmit={submit} className="form action" aria-label={label}>
      <h3>
        {label}
        {until && <span className="muted"> ({t('card.until', { date: date(until) })})</span>}
      </h3>
      {action === 'rate' && (
        <label>
          {t('action.score')}
          <input type="number" min={1} max={5} value={score} onChange={(e) => setScore(Number(e.target.value))} />
        </label>
      )}
      <label>
        {t('card.text')}
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} required={action === 'object'} />
      </label>
      {action === 'fix' && (
        <label>
          {t('new.files')}
          <input type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />
        </label>
      )}
      <button type="submit">{label}</button>
      <Problem error={error} />
    </form>
  );
}

export function AppealCard() {
  const { t, dateTime } = useI18n();
  const { id } = useParams();
  const signedIn = useSignedIn();
  const [card, setCard] = useState<Card | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    api<Card>('GET', `/api/v1/public/me/appeals/${id}`).then(setCard).catch(setError);
  }, [id]);
  useEffect(() => {
    if (signedIn) load();
  }, [signedIn, load]);
  if (!signedIn) return <ToSignIn />;
  if (!card) return <Problem error={error} />;
  return (
    <>
      <h1 data-testid="appeal-number">№ {card.registrationNumber}</h1>
      <p>{card.summary}</p>
      <StatusTable s={card} />
      <p>
        <button type="button" className="link" onClick={() => download(`/api/v1/public/me/appeals/${card.id}/talon.pdf`, `talon-${card.talonNumber}.pdf`)} data-testid="talon">
          {t('card.talon')} (№ {card.talonNumber})
        </button>
      </p>
      <h2>{t('card.timeline')}</h2>
      <ol className="timeline" data-testid="timeline">
        {card.timeline.map((e) => (
          <li key={`${e.at}-${e.kind}`}>
            <time dateTime={e.at}>{dateTime(e.at)}</time> {e.text}
          </li>
        ))}
      </ol>
      {card.letters.length > 0 && (
        <>
          <h2>{t('card.letters')}</h2>
          <ul data-testid="letters">
            {card.letters.map((l) => (
              <li key={l.id}>
                № {l.number} · {l.signerName}{' '}
                <button type="button" className="link" onClick={() => download(`/api/v1/public/me/appeals/${card.id}/letters/${l.id}.pdf`, `${l.number}.pdf`)}>
                  {t('card.letterPdf')}
                </button>{' '}
                <button type="button" className="link" onClick={() => download(`/api/v1/public/me/appeals/${card.id}/letters/${l.id}.cms`, `${l.number}.p7s`)}>
                  {t('card.letterSignature')}
                </button>{' '}
                <a href={`/verify/${l.id}`}>{t('card.verify')}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {card.attachments.length > 0 && (
        <>
          <h2>{t('card.files')}</h2>
          <ul>
            {card.attachments.map((f) => (
              <li key={f.id}>
                <button type="button" className="link" onClick={() => download(`/api/v1/public/me/appeals/${card.id}/attachments/${f.id}`, f.name)}>
                  {f.name}
                </button>{' '}
                <span className="muted">({Math.ceil(f.size / 1024)} KB)</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {card.actions.some((a) => a.open) && <h2>{t('card.actions')}</h2>}
      {card.actions
        .filter((a) => a.open)
        .map((a) => (
          <ActionForm key={a.action} id={card.id} action={a.action} until={a.until} onDone={load} />
        ))}
      {card.reviewEndedOn && card.documentType !== 'complaint' && <ComplaintForm card={card} />}
    </>
  );
}

/** A complaint about the decision (APPC Art. 91): filed through the body that took it, linked to
 *  the challenged appeal and routed as complaints are (the registration use case). */
function ComplaintForm({ card }: { card: Card }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ lastName: '', firstName: '', text: '' });
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  if (!open) {
    return (
      <p>
        <button type="button" onClick={() => setOpen(true)} data-testid="complain">
          {t('complaint.action')}
        </button>
      </p>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const a = await api<MyAppeal>('POST', '/api/v1/public/me/appeals', {
        organizationId: card.organization.id,
        complainedOrganizationId: card.organization.id,
        challengedAppealId: card.id,
        documentType: 'complaint',
        language: lang,
        summary: t('complaint.summary', { number: card.registrationNumber }),
        text: form.text,
        applicant: { lastName: form.lastName, firstName: form.firstName },
        attachmentIds: await uploadFiles(files, lang),
      });
      navigate(`/my/${a.id}`, { state: { filed: true } });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} className="form action" aria-labelledby="complaint">
      <h2 id="complaint">{t('complaint.action')}</h2>
      <p className="muted">{t('complaint.lead')}</p>
      <label>
        {t('new.lastName')}
        <input value={form.lastName} onChange={set('lastName')} required name="lastName" autoComplete="family-name" />
      </label>
      <label>
        {t('new.firstName')}
        <input value={form.firstName} onChange={set('firstName')} required name="firstName" autoComplete="given-name" />
      </label>
      <label>
        {t('new.text')}
        <textarea value={form.text} onChange={set('text')} required rows={5} name="complaintText" />
      </label>
      <label>
        {t('new.files')}
        <input type="file" multiple accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,.docx,.odt,.xlsx" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
      </label>
      <button type="submit">{t('complaint.submit')}</button>
      <Problem error={error} />
    </form>
  );
}

/** The applicant's files sent one by one as they are (raw bytes, the name in X-File-Name; the
 *  server checks each type by its content) before the filing or fix that names their ids;
 *  `onProgress` gets the share of all their bytes sent (0..1). */
function uploadFiles(files: File[], lang: string, onProgress?: (share: number) => void): Promise<string[]> {
  const total = files.reduce((n, f) => n + f.size, 0) || 1;
  let done = 0;
  const one = (file: File) =>
    new Promise<string>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/v1/public/me/attachments');
      xhr.setRequestHeader('content-type', 'application/octet-stream');
      xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
      xhr.setRequestHeader('accept-language', lang);
      xhr.setRequestHeader('authorization', `Bearer ${token.get() ?? ''}`);
      xhr.setRequestHeader('idempotency-key', Array.from(crypto.getRandomValues(new Uint8Array(16)), (x) => x.toString(16).padStart(2, '0')).join(''));
      xhr.upload.onprogress = (e) => onProgress?.((done + e.loaded) / total);
      xhr.onload = () => {
        let data: { id?: string; error?: { message?: string; fields?: { path: string; message: string }[] } } | null = null;
        try {
          data = JSON.parse(xhr.responseText);
        } catch {
          data = null;
        }
        if (xhr.status === 201 && data?.id) resolve(data.id);
        // the refusal names the file: its message is the field's (type, size), told at /attachmentIds
        else reject(new ApiError(xhr.status, `${file.name}: ${data?.error?.fields?.[0]?.message ?? data?.error?.message ?? xhr.statusText}`));
      };
      xhr.onerror = () => reject(new ApiError(0, file.name));
      xhr.send(file);
    });
  return files.reduce<Promise<string[]>>(
    (ids, file) =>
      ids.then(async (list) => {
        const id = await one(file);
        done += file.size;
        return [...list, id];
      }),
    Promise.resolve([]),
  );
}

const DOCUMENT_TYPES = ['application', 'complaint', 'report', 'inquiry', 'feedback', 'proposal'] as const;

export function NewAppeal() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const [q, setQ] = useState('');
  const [orgs, setOrgs] = useState<{ id: number; name: string }[]>([]);
  const [categories, setCategories] = useState<{ service_code: string; service_name: string }[]>([]);
  const [form, setForm] = useState({ organizationId: '', documentType: 'application', issueCategory: '', lastName: '', firstName: '', middleName: '', summary: '', text: '' });
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [similar, setSimilar] = useState<{ appealId: string; registrationNumber: string; summary: string }[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    fetch('/open311/v2/services.json', { headers: { 'accept-language': lang } })
      .then((r) => r.json())
      .then(setCategories)
      .catch(() => undefined);
  }, [lang]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names come in the chosen language (the client sends it)
  useEffect(() => {
    const timer = setTimeout(() => {
      api<{ items: { id: number; name: string }[] }>('GET', `/api/v1/public/organizations?q=${encodeURIComponent(q)}`)
        .then((r) => setOrgs(r.items))
        .catch(() => undefined);
    }, 250);
    return () => clearTimeout(timer);
  }, [q, lang]);
  if (!signedIn) return <ToSignIn />;
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const body = () => ({
    organizationId: Number(form.organizationId),
    documentType: form.documentType,
    language: lang,
    summary: form.summary,
    text: form.text,
    ...(form.issueCategory ? { issueCategory: form.issueCategory } : {}),
    applicant: { lastName: form.lastName, firstName: form.firstName, ...(form.middleName ? { middleName: form.middleName } : {}) },
  });
  const checkSimilar = async () => {
    if (!form.organizationId || !form.summary || !form.lastName || !form.firstName || !form.text) return;
    const r = await api<{ items: typeof similar }>('POST', '/api/v1/public/me/appeals/similar', body()).catch(() => ({ items: [] }));
    setSimilar(r.items);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const attachmentIds = await uploadFiles(files, lang, setProgress);
      const a = await api<MyAppeal>('POST', '/api/v1/public/me/appeals', { ...body(), attachmentIds });
      navigate(`/my/${a.id}`, { state: { filed: true } });
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  };
  return (
    <>
      <h1>{t('new.title')}</h1>
      <form onSubmit={submit} className="form">
        <label>
          {t('new.search')}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} name="orgSearch" />
        </label>
        <label>
          {t('new.organization')}
          <select value={form.organizationId} onChange={set('organizationId')} required name="organizationId">
            <option value="">{t('new.none')}</option>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('new.documentType')}
          <select value={form.documentType} onChange={set('documentType')} name="documentType">
            {DOCUMENT_TYPES.map((d) => (
              <option key={d} value={d}>
                {t(`doc.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('new.category')}
          <select value={form.issueCategory} onChange={set('issueCategory')} name="issueCategory">
            <option value="">{t('new.none')}</option>
            {categories.map((c) => (
              <option key={c.service_code} value={c.service_code}>
                {c.service_name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('new.lastName')}
          <input value={form.lastName} onChange={set('lastName')} required name="lastName" autoComplete="family-name" />
        </label>
        <label>
          {t('new.firstName')}
          <input value={form.firstName} onChange={set('firstName')} required name="firstName" autoComplete="given-name" />
        </label>
        <label>
          {t('new.middleName')}
          <input value={form.middleName} onChange={set('middleName')} name="middleName" autoComplete="additional-name" />
        </label>
        <label>
          {t('new.summary')}
          <input value={form.summary} onChange={set('summary')} onBlur={checkSimilar} required maxLength={500} name="summary" />
        </label>
        <label>
          {t('new.text')}
          <textarea value={form.text} onChange={set('text')} onBlur={checkSimilar} required rows={6} name="text" />
        </label>
        <label>
          {t('new.files')}
          <input type="file" multiple accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff,.docx,.odt,.xlsx" onChange={(e) => setFiles([...(e.target.files ?? [])])} name="files" />
        </label>
        {similar.length > 0 && (
          <section aria-labelledby="similar" className="note" data-testid="similar">
            <h2 id="similar">{t('new.similar')}</h2>
            <ul>
              {similar.map((s) => (
                <li key={s.appealId}>
                  <Link to={`/my/${s.appealId}`}>№ {s.registrationNumber}</Link> {s.summary}
                </li>
              ))}
            </ul>
          </section>
        )}
        {progress !== null && <progress max={1} value={progress} aria-label={t('new.uploading')} />}
        <button type="submit" disabled={progress !== null}>
          {t('new.submit')}
        </button>
        <Problem error={error} />
      </form>
    </>
  );
}

interface Figures {
  received: number | null;
  reviewed: number | null;
  onTimeShare: number | null;
  electronicShare: number | null;
}

interface Count {
  code: string;
  name: string;
  appeals: number | null;
}

/** Counts as a list with bars (a chart that reads as text too). */
function Counts({ title, items }: { title: string; items: Count[] }) {
  const { t } = useI18n();
  const max = Math.max(1, ...items.map((c) => c.appeals ?? 0));
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <ul className="counts">
        {items.map((c) => (
          <li key={c.code}>
            <span>{c.name || t('new.none')}</span> <strong>{c.appeals === null ? '< 5' : c.appeals}</strong>
            <span className="bar" style={{ width: `${((c.appeals ?? 0) / max) * 100}%` }} aria-hidden="true" />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Stats() {
  const { t, lang } = useI18n();
  const [data, setData] = useState<{
    year: number;
    total: Figures;
    months: (Figures & { month: number })[];
    issueCategories: Count[];
    channels: Count[];
    organizations: (Figures & { code: string; name: string })[];
  } | null>(null);
  const [error, setError] = useState<unknown>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names come in the chosen language (the client sends it)
  useEffect(() => {
    api<NonNullable<typeof data>>('GET', '/api/v1/public/statistics').then(setData).catch(setError);
  }, [lang]);
  const n = (v: number | null) => (v === null ? <abbr title={t('stats.hidden')}>&lt; 5</abbr> : v.toLocaleString());
  const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
  const max = Math.max(1, ...(data?.organizations.map((o) => o.received ?? 0) ?? [1]));
  return (
    <>
      <h1>{t('stats.title')}</h1>
      <p className="lead">{t('stats.lead')}</p>
      <Problem error={error} />
      {data && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls; the keyboard must reach it (WCAG 2.1.1)
        <section className="table-wrap" tabIndex={0} aria-label={t('stats.title')}>
          <table>
            <caption>{data.year}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.organization')}</th>
                <th scope="col">{t('stats.received')}</th>
                <th scope="col">{t('stats.reviewed')}</th>
                <th scope="col">{t('stats.onTime')}</th>
                <th scope="col">{t('stats.electronic')}</th>
              </tr>
            </thead>
            <tbody>
              {data.organizations.map((o) => (
                <tr key={o.code}>
                  <th scope="row">
                    {o.name}
                    <span className="bar" style={{ width: `${((o.received ?? 0) / max) * 100}%` }} aria-hidden="true" />
                  </th>
                  <td>{n(o.received)}</td>
                  <td>{n(o.reviewed)}</td>
                  <td>{pct(o.onTimeShare)}</td>
                  <td>{pct(o.electronicShare)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('stats.total')}</th>
                <td>{n(data.total.received)}</td>
                <td>{n(data.total.reviewed)}</td>
                <td>{pct(data.total.onTimeShare)}</td>
                <td>{pct(data.total.electronicShare)}</td>
              </tr>
            </tfoot>
          </table>
        </section>
      )}
      {data && (
        <>
          <h2 id="by-month">{t('stats.byMonth')}</h2>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls; the keyboard must reach it (WCAG 2.1.1) */}
          <section className="table-wrap" tabIndex={0} aria-labelledby="by-month">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('stats.month')}</th>
                  <th scope="col">{t('stats.received')}</th>
                  <th scope="col">{t('stats.reviewed')}</th>
                  <th scope="col">{t('stats.onTime')}</th>
                </tr>
              </thead>
              <tbody>
                {data.months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{new Date(Date.UTC(data.year, m.month - 1, 15)).toLocaleDateString(lang === 'en' ? 'en-GB' : `${lang}-KZ`, { month: 'long', timeZone: 'UTC' })}</th>
                    <td>{n(m.received)}</td>
                    <td>{n(m.reviewed)}</td>
                    <td>{pct(m.onTimeShare)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <Counts title={t('stats.byCategory')} items={data.issueCategories} />
          <Counts title={t('stats.byChannel')} items={data.channels} />
        </>
      )}
      <p>
        <a href="/opendata/datapackage.json">{t('stats.openData')}</a>
      </p>
    </>
  );
}

/** An anonymous report without sign-in, after the warning of APPC Art. 88. */
export function Anonymous() {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const [orgs, setOrgs] = useState<{ id: number; name: string }[]>([]);
  const [form, setForm] = useState({ organizationId: '', summary: '', text: '', securityInfo: false });
  const [done, setDone] = useState<{ registrationNumber: string; talonNumber: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names come in the chosen language (the client sends it)
  useEffect(() => {
    const timer = setTimeout(() => {
      api<{ items: { id: number; name: string }[] }>('GET', `/api/v1/public/organizations?q=${encodeURIComponent(q)}`)
        .then((r) => setOrgs(r.items))
        .catch(() => undefined);
    }, 250);
    return () => clearTimeout(timer);
  }, [q, lang]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setDone(await api('POST', '/api/v1/public/appeals/anonymous', { organizationId: Number(form.organizationId), language: lang, summary: form.summary, text: form.text, securityInfo: form.securityInfo }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <h1>{t('anon.title')}</h1>
      <p className="note" role="note">
        {t('anon.warning')}
      </p>
      {done ? (
        <p role="status" data-testid="anonymous-done">
          {t('anon.done', { number: done.registrationNumber, talon: done.talonNumber })}
        </p>
      ) : (
        <form onSubmit={submit} className="form">
          <label>
            {t('new.search')}
            <input type="search" value={q} onChange={(e) => setQ(e.target.value)} name="orgSearch" />
          </label>
          <label>
            {t('new.organization')}
            <select value={form.organizationId} onChange={(e) => setForm({ ...form, organizationId: e.target.value })} required name="organizationId">
              <option value="">{t('new.none')}</option>
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('new.summary')}
            <input value={form.summary} onChange={(e) => setForm({ ...form, summary: e.target.value })} required maxLength={500} name="summary" />
          </label>
          <label>
            {t('new.text')}
            <textarea value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} required rows={6} name="text" />
          </label>
          <label className="check">
            <input type="checkbox" checked={form.securityInfo} onChange={(e) => setForm({ ...form, securityInfo: e.target.checked })} name="securityInfo" />
            {t('anon.security')}
          </label>
          <button type="submit">{t('new.submit')}</button>
          <Problem error={error} />
        </form>
      )}
    </>
  );
}
