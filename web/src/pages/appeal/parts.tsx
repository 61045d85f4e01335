// What the parts of the appeal card share: the shapes of the answers it loads, a definition list,
// a titled section, and how a decision's recorded fields read.
import type { ReactNode } from 'react';
import { Paper, Title } from '@mantine/core';
import type { paths } from '../../api/schema';
import type { Lang, Translate } from '../../i18n/i18n.tsx';
import type { FieldSpec } from '../../components/DecisionModal.tsx';

/** The JSON a GET of this path answers with. */
type Got<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer T } } } } } ? T : never;

export type AppealData = Got<'/api/v1/appeals/{id}'>;
export type Allowed = Got<'/api/v1/appeals/{id}/decisions/allowed'>;
export type Decisions = Got<'/api/v1/appeals/{id}/decisions'>;
export type Drafts = Got<'/api/v1/appeals/{id}/drafts'>;
export type Draft = Drafts['items'][number];
export type Letters = Got<'/api/v1/appeals/{id}/letters'>;
export type Events = Got<'/api/v1/appeals/{id}/events'>;
export type Route = Got<'/api/v1/appeals/{id}/route'>;
export type AppealMessages = Got<'/api/v1/appeals/{id}/messages'>;
export type Correspondence = Got<'/api/v1/appeals/{id}/correspondence'>;

export function Dl({ rows }: { rows: [string, ReactNode][] }) {
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '');
  return (
    <div className="dl-box">
      <dl className="dl">
        {shown.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function Section({ title, children, testid }: { title: string; children: ReactNode; testid?: string }) {
  const id = `s-${title.replace(/\W+/g, '-')}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={testid}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** How a decision's (or a draft's) recorded data reads: the label of each field as the allowed
 *  decisions name it, and its value with the vocabularies' labels. */
export interface DecisionText {
  fieldLabel(code: string, name: string): string;
  show(v: unknown): string;
}

export function decisionText(allowed: Allowed | undefined, lang: Lang, t: Translate): DecisionText {
  const fieldLabel = (code: string, name: string) => {
    const spec = (allowed?.items.find((d) => d.code === code)?.fields as unknown as FieldSpec[] | undefined)?.find((f) => f.name === name);
    return spec?.label[lang] ?? name;
  };
  const vocabLabel = (v: unknown) => {
    if (typeof v !== 'string' || !allowed) return undefined;
    for (const list of Object.values(allowed.vocabularies)) {
      const hit = list.find((i) => i.code === v);
      if (hit) return hit.label;
    }
    return undefined;
  };
  const show = (v: unknown): string => {
    if (v === true) return t('yes');
    if (v === false) return t('no');
    if (Array.isArray(v)) return v.map(show).join('; ');
    if (v && typeof v === 'object')
      return Object.entries(v)
        .map(([k, x]) => `${k}: ${show(x)}`)
        .join(', ');
    return vocabLabel(v) ?? String(v);
  };
  return { fieldLabel, show };
}
