// The map of problems (CD-19): the oblast with its districts and towns, each a circle at its
// administrative centre sized and coloured by the measure chosen — appeals, appeals whose term was
// broken, or categories flagged as systemic (CD-18) — opening the list of its appeals. Drawn with
// d3-geo from the points and the schematic outline shipped in map-data.ts; the table below says the
// same in words. No population figures are shipped, so measures are counts, not rates.
import { useState } from 'react';
import { Link } from 'react-router';
import { geoGraticule, geoMercator, geoPath } from 'd3-geo';
import { Anchor, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { controlQueries } from '../../api/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { PeriodInputs, useControlPeriod } from './Layout.tsx';
import { CENTRES, OBLAST_OUTLINE } from './map-data.ts';

const MEASURES = ['appeals', 'overdue', 'systemic'] as const;
type Measure = (typeof MEASURES)[number];
const COLOR: Record<Measure, string> = { appeals: '#1864ab', overdue: '#c92a2a', systemic: '#d9480f' };
const W = 640;
const H = 420;

const outline = { type: 'LineString' as const, coordinates: OBLAST_OUTLINE.map(([lon, lat]) => [lon, lat]) };
const projection = geoMercator().fitExtent(
  [
    [24, 24],
    [W - 24, H - 24],
  ],
  outline,
);
const path = geoPath(projection);
const graticule = geoGraticule()
  .extent([
    [65, 49],
    [75, 55],
  ])
  .step([1, 1])();
const centreOf = new Map(CENTRES.map((c) => [c.kato, c]));
/** Labels west of the oblast's middle go left of their circle, the others right: neighbours apart. */
const labelSide = (() => {
  const [[x0], [x1]] = path.bounds(outline);
  return (x0 + x1) / 2;
})();

export default function ProblemMap() {
  const { t, lang } = useI18n();
  const { from, to } = useControlPeriod();
  const [measure, setMeasure] = useState<Measure>('appeals');
  const q = useQuery(controlQueries.map({ from, to }, lang));
  const items = q.data?.items ?? [];
  const max = Math.max(1, ...items.map((i) => i[measure]));
  const listOf = (id: number) => `/queues/all?${new URLSearchParams({ organization: String(id), dateFrom: from, dateTo: to })}`;
  const placed = items.flatMap((i) => {
    const c = i.kato ? centreOf.get(i.kato) : undefined;
    const xy = c ? projection([c.lon, c.lat]) : null;
    return c && xy ? [{ ...i, centre: c, x: xy[0], y: xy[1] }] : [];
  });
  const unplaced = items.filter((i) => !placed.some((p) => p.territoryId === i.territoryId));
  const measureLabel = t(`ctl.map.measure.${measure}` as MessageKey);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('ctl.map.title')}
      </Title>
      <PeriodInputs />
      <SegmentedControl
        aria-label={t('ctl.map.measure')}
        value={measure}
        onChange={(v) => setMeasure(v as Measure)}
        data={MEASURES.map((m) => ({ value: m, label: t(`ctl.map.measure.${m}` as MessageKey) }))}
        data-testid="map-measure"
        style={{ alignSelf: 'flex-start' }}
      />
      <Paper withBorder p="sm" component="figure" m={0} aria-labelledby="map-caption">
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: W, display: 'block' }} data-testid="problem-map" aria-labelledby="map-title map-caption">
          <title id="map-title">{t('ctl.map.title')}</title>
          <path d={path(graticule) ?? ''} fill="none" stroke="#dee2e6" strokeWidth={0.5} aria-hidden />
          <path d={path(outline) ?? ''} fill="#f1f3f5" stroke="#868e96" strokeWidth={1.5} strokeDasharray="6 3" aria-hidden />
          {placed
            .sort((a, b) => b[measure] - a[measure])
            .map((p) => {
              const r = 6 + 26 * Math.sqrt(p[measure] / max);
              const name = lang === 'en' ? p.centre.place.en : p.centre.place[lang];
              return (
                <Link key={p.territoryId} to={listOf(p.territoryId)} aria-label={`${name} · ${p[measure]} — ${p.name}, ${measureLabel}`} data-testid={`map-area-${p.kato}`}>
                  <circle cx={p.x} cy={p.y} r={r} fill={COLOR[measure]} fillOpacity={p[measure] ? 0.6 : 0.15} stroke={COLOR[measure]} strokeWidth={1.5} />
                  <text x={p.x + (p.x < labelSide ? -(r + 4) : r + 4)} y={p.y + 4} fontSize={13} fill="#212529" textAnchor={p.x < labelSide ? 'end' : 'start'}>
                    {name} · {p[measure]}
                  </text>
                </Link>
              );
            })}
        </svg>
        <Text component="figcaption" id="map-caption" size="xs" c="gray.8" mt="xs">
          {t('ctl.map.caption', { measure: measureLabel })} {t('ctl.map.source')}
        </Text>
      </Paper>
      {unplaced.length > 0 && (
        <Text size="sm" data-testid="map-unplaced">
          {t('ctl.map.unplaced')} {unplaced.map((u) => u.name).join(', ')}
        </Text>
      )}
      <Table data-testid="map-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ctl.content.byTerritory')}</Table.Th>
            <Table.Th>{t('ctl.map.kato')}</Table.Th>
            <Table.Th>{t('ctl.map.measure.appeals')}</Table.Th>
            <Table.Th>{t('ctl.dashboard.open')}</Table.Th>
            <Table.Th>{t('ctl.map.measure.overdue')}</Table.Th>
            <Table.Th>{t('ctl.map.measure.systemic')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.territoryId}>
              <Table.Td>
                <Anchor component={Link} to={listOf(i.territoryId)}>
                  {i.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{i.kato ?? '—'}</Table.Td>
              <Table.Td>{i.appeals}</Table.Td>
              <Table.Td>{i.open}</Table.Td>
              <Table.Td>{i.overdue}</Table.Td>
              <Table.Td>{i.systemic}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
