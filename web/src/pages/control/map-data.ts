// The map of problems (CD-19) is drawn from data shipped with the app — no map tiles are fetched.
// Points: the administrative centres of the demo oblast (Akmola) and its districts, keyed by the
// KATO code of the territory's body (src/db/reference/organizations.ts), approximate WGS 84
// coordinates rounded to 0.01° as public gazetteers give them (e.g. OpenStreetMap, © OpenStreetMap
// contributors, ODbL) — to verify before any use beyond orientation. The oblast outline is a
// schematic polygon drawn around them for orientation, not a boundary. A territory with no point
// here is listed beside the map instead.

export interface Centre {
  kato: string;
  /** the settlement that is the territory's administrative centre */
  place: { kk: string; ru: string; en: string };
  lon: number;
  lat: number;
}

export const CENTRES: readonly Centre[] = [
  { kato: '110000000', place: { kk: 'Көкшетау', ru: 'Кокшетау', en: 'Kokshetau' }, lon: 69.39, lat: 53.28 },
  { kato: '117000000', place: { kk: 'Щучинск', ru: 'Щучинск', en: 'Shchuchinsk' }, lon: 70.19, lat: 52.94 },
  { kato: '115600000', place: { kk: 'Зеренді', ru: 'Зеренда', en: 'Zerendi' }, lon: 69.15, lat: 52.9 },
  { kato: '116800000', place: { kk: 'Шортанды', ru: 'Шортанды', en: 'Shortandy' }, lon: 70.99, lat: 51.7 },
];

/** Schematic outline of Akmola oblast (lon, lat), closed; for orientation only. */
export const OBLAST_OUTLINE: readonly [number, number][] = [
  [66.5, 52.6],
  [67.8, 53.2],
  [68.6, 53.6],
  [69.6, 53.75],
  [70.6, 53.55],
  [71.6, 53.0],
  [72.6, 52.4],
  [73.3, 51.6],
  [73.0, 50.8],
  [72.0, 50.4],
  [70.6, 50.3],
  [69.4, 50.5],
  [68.3, 50.9],
  [67.3, 51.4],
  [66.6, 51.9],
  [66.5, 52.6],
];

/** The oblast whose outline and points are shipped (KATO AA of the demo oblast). */
export const MAPPED_OBLAST_KATO = '11';
