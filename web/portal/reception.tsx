// Personal reception on the portal (EA-04): the published schedules (PR-17) by organization, in
// Kazakh or Russian as the schedule API answers, and the signed-in applicant's sign-up for a
// session with the question (PR-05), registered as an appeal they then follow under "My appeals".
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, token, useI18n, type MyAppeal } from './api.ts';
import { Problem } from './pages.tsx';

interface Session {
  id: string;
  organization: { id: number; name: string };
  official: { name: string; position: string };
  startsAt: string;
  endsAt: string;
  place: string;
  format: 'inPerson' | 'video';
  approved: boolean;
}

export function Reception() {
  const { t, lang, dateTime } = useI18n();
  const [q, setQ] = useState('');
  const [orgs, setOrgs] = useState<{ id: number; name: string }[]>([]);
  const [organization, setOrganization] = useState('');
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [chosen, setChosen] = useState<Session | null>(null);
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
  // biome-ignore lint/correctness/useExhaustiveDependencies: the schedule's names follow the language
  useEffect(() => {
    api<{ items: Session[] }>('GET', `/api/v1/public/reception/schedule${organization ? `?organization=${organization}` : ''}`)
      .then((r) => setSessions(r.items))
      .catch(setError);
  }, [organization, lang]);
  // the office's local date and time (src/domain/dates.ts), not the browser's zone
  const when = (s: Session) => `${dateTime(s.startsAt)}–${dateTime(s.endsAt).slice(-5)}`;
  return (
    <>
      <h1>{t('reception.title')}</h1>
      <p className="lead">{t('reception.lead')}</p>
      <form className="form" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('reception.search')}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} name="orgSearch" />
        </label>
        <label>
          {t('reception.organization')}
          <select value={organization} onChange={(e) => setOrganization(e.target.value)} name="organization">
            <option value="">{t('reception.all')}</option>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Problem error={error} />
      {sessions?.length === 0 && <p>{t('reception.empty')}</p>}
      <ul className="cards" data-testid="schedule">
        {sessions?.map((s) => (
          <li key={s.id} className="card-link">
            <strong>{when(s)}</strong>
            <span>
              {s.official.name}, {s.official.position}
            </span>
            <span className="muted">
              {s.organization.name} · {s.format === 'video' ? t('reception.video') : s.place}
              {!s.approved && ` · ${t('reception.notApproved')}`}
            </span>
            <button type="button" onClick={() => setChosen(s)} aria-pressed={chosen?.id === s.id} aria-label={`${t('reception.choose')}: ${s.official.name}, ${when(s)}`}>
              {t('reception.choose')}
            </button>
          </li>
        ))}
      </ul>
      {chosen && <Booking session={chosen} when={when(chosen)} />}
    </>
  );
}

function Booking({ session, when }: { session: Session; when: string }) {
  const { t, lang } = useI18n();
  const [form, setForm] = useState({ lastName: '', firstName: '', middleName: '', question: '', language: lang === 'ru' ? 'ru' : 'kk', videoConsent: false });
  const [done, setDone] = useState<MyAppeal | null>(null);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  if (!token.get()) {
    return (
      <p className="note">
        <Link to="/sign-in?next=/reception">{t('reception.signInFirst')}</Link>
      </p>
    );
  }
  if (done) {
    return (
      <p className="note" role="status" data-testid="booked">
        {t('reception.done', { number: done.registrationNumber })} <Link to={`/my/${done.id}`}>№ {done.registrationNumber}</Link>
      </p>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const applicant = { lastName: form.lastName, firstName: form.firstName, ...(form.middleName ? { middleName: form.middleName } : {}) };
      setDone(await api<MyAppeal>('POST', '/api/v1/public/me/reception/sign-ups', { sessionId: session.id, question: form.question, language: form.language, videoConsent: form.videoConsent, applicant }));
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} className="form" aria-labelledby="booking">
      <h2 id="booking">{t('reception.chosen')}</h2>
      <p data-testid="chosen">
        {when} — {session.official.name}, {session.organization.name}
      </p>
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
        {t('reception.question')}
        <textarea value={form.question} onChange={set('question')} required rows={4} maxLength={4000} name="question" />
      </label>
      <label>
        {t('reception.language')}
        <select value={form.language} onChange={set('language')} name="language">
          <option value="kk" lang="kk">
            Қазақша
          </option>
          <option value="ru" lang="ru">
            Русский
          </option>
        </select>
      </label>
      {session.format === 'video' && (
        <label className="check">
          <input type="checkbox" checked={form.videoConsent} onChange={(e) => setForm({ ...form, videoConsent: e.target.checked })} name="videoConsent" /> {t('reception.videoConsent')}
        </label>
      )}
      <button type="submit">{t('reception.submit')}</button>
      <Problem error={error} />
    </form>
  );
}
