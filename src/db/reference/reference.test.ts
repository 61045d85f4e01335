import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ageOn, parseBin, parseIin } from '../../domain/identifiers.ts';
import { APPLICANT_KINDS, CHANNELS, DOCUMENT_TYPES, FORMS, LANGUAGES, PROCEDURES, type Labels } from '../../domain/vocabulary.ts';
import { DEMO_ORGANIZATION_CODES, ORGANIZATIONS, ORGANIZATION_KINDS, REPORT_ROW_RANGE } from './organizations.ts';
import { DIRECTORIES, VOCABULARY_DIRECTORIES } from './directories.ts';
import { DIRECTORY_NAMES, type DirectoryName } from '../../domain/reference.ts';
import { DEMO_COMPANIES, DEMO_PERSONS, findDemoCompany, findDemoPerson, type BilingualText, type DemoAddress } from './demo-registry.ts';

function assertLabels(label: Labels, where: string): void {
  assert.deepEqual(Object.keys(label).sort(), ['en', 'kk', 'ru'], where);
  for (const lang of ['kk', 'ru', 'en'] as const) {
    assert.equal(typeof label[lang], 'string', `${where}.${lang}`);
    assert.ok(label[lang].trim().length > 0, `${where}.${lang} is empty`);
    assert.equal(label[lang], label[lang].trim(), `${where}.${lang} has surrounding whitespace`);
  }
}

function assertBilingual(text: BilingualText, where: string): void {
  assert.ok(text.kk.trim().length > 0, `${where}.kk is empty`);
  assert.ok(text.ru.trim().length > 0, `${where}.ru is empty`);
}

function assertAddress(a: DemoAddress, where: string): void {
  assert.equal(a.country, 'KZ', where);
  assertBilingual(a.region, `${where}.region`);
  if (a.district !== null) assertBilingual(a.district, `${where}.district`);
  assertBilingual(a.settlement, `${where}.settlement`);
  assertBilingual(a.street, `${where}.street`);
  assert.ok(a.house.length > 0, `${where}.house`);
}

const codesOf = (name: DirectoryName): string[] => DIRECTORIES[name].map((e) => e.code);

// ---------------------------------------------------------------------------------------------
// Organizations

test('organizations: codes are unique and well-formed', () => {
  const codes = ORGANIZATIONS.map((o) => o.code);
  assert.equal(new Set(codes).size, codes.length, 'duplicate organization code');
  for (const code of codes) assert.match(code, /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, code);
});

test('organizations: every parent exists and precedes its children', () => {
  const seen = new Set<string>();
  for (const o of ORGANIZATIONS) {
    if (o.parentCode !== null) assert.ok(seen.has(o.parentCode), `${o.code}: parent ${o.parentCode} missing or after it`);
    seen.add(o.code);
  }
});

test('organizations: labels, kinds, KATO, time zone', () => {
  for (const o of ORGANIZATIONS) {
    assertLabels(o.name, o.code);
    assert.ok((ORGANIZATION_KINDS as readonly string[]).includes(o.kind), `${o.code}: kind ${o.kind}`);
    if (o.kato !== null) assert.match(o.kato, /^\d{9}$/, o.code);
    assert.equal(o.timeZone, null, `${o.code}: none names a time zone (the configured one applies)`);
  }
  // The Kazakh names use the Kazakh letters, not look-alikes.
  const kk = ORGANIZATIONS.map((o) => o.name.kk).join(' ');
  for (const letter of ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і']) assert.ok(kk.includes(letter), letter);
});

test('organizations: every 1-ТӨ row 2–68 is present exactly once, in order', () => {
  const rows = ORGANIZATIONS.filter((o) => o.reportRow !== null).map((o) => o.reportRow as number);
  const expected = Array.from({ length: REPORT_ROW_RANGE.last - REPORT_ROW_RANGE.first + 1 }, (_, i) => i + REPORT_ROW_RANGE.first);
  assert.deepEqual(rows, expected);
  for (const o of ORGANIZATIONS) {
    if (o.reportRow === null) continue;
    if (o.reportRow === 67 || o.reportRow === 68) {
      const parent = ORGANIZATIONS.find((p) => p.code === o.parentCode);
      assert.equal(parent?.reportRow, 66, `row ${o.reportRow} is a child of row 66`);
    } else {
      assert.equal(o.parentCode, null, `row ${o.reportRow} (${o.code}) is top-level`);
    }
  }
  // every top-level organization is a report row
  for (const o of ORGANIZATIONS.filter((x) => x.parentCode === null)) assert.notEqual(o.reportRow, null, o.code);
});

test('organizations: a few anchors of the report layout', () => {
  const byRow = new Map(ORGANIZATIONS.filter((o) => o.reportRow !== null).map((o) => [o.reportRow, o]));
  assert.equal(byRow.get(2)?.code, 'PA');
  assert.equal(byRow.get(13)?.code, 'GPO');
  assert.equal(byRow.get(32)?.code, 'MIN-HEALTH');
  assert.equal(byRow.get(42)?.code, 'MIN-CULTURE');
  assert.equal(byRow.get(46)?.kato, '710000000'); // Astana
  assert.equal(byRow.get(47)?.kato, '790000000'); // Shymkent
  assert.equal(byRow.get(48)?.kato, '750000000'); // Almaty city
  assert.equal(byRow.get(50)?.code, 'AKM-OBL');
  assert.equal(byRow.get(50)?.kato, '110000000');
  assert.equal(byRow.get(65)?.code, 'TUR-OBL');
  const localRows = ORGANIZATIONS.filter((o) => o.kind === 'localExecutiveBodies').map((o) => o.reportRow);
  assert.deepEqual(
    localRows,
    Array.from({ length: 20 }, (_, i) => 46 + i),
  );
});

test('organizations: the demo oblast and the statistics authority', () => {
  const byCode = new Map(ORGANIZATIONS.map((o) => [o.code, o]));
  const ancestors = (code: string): string[] => {
    const out: string[] = [];
    for (let c = byCode.get(code)?.parentCode ?? null; c !== null; c = byCode.get(c)?.parentCode ?? null) out.push(c);
    return out;
  };
  for (const code of Object.values(DEMO_ORGANIZATION_CODES)) assert.ok(byCode.has(code), code);
  assert.equal(byCode.get('AKM-CONTROL')?.kind, 'controlDepartment');
  assert.equal(byCode.get('AKM-BURABAY')?.kind, 'districtAkimat');
  assert.equal(byCode.get('KPSSU')?.kind, 'statsAuthority');
  assert.equal(byCode.get('KPSSU-AKM')?.kind, 'statsDepartment');
  assert.deepEqual(ancestors('AKM-CONTROL'), ['AKM-APPARATUS', 'AKM-AKIMAT', 'AKM-OBL']);
  assert.deepEqual(ancestors('AKM-BURABAY'), ['AKM-AKIMAT', 'AKM-OBL']);
  assert.deepEqual(ancestors('KPSSU-AKM'), ['KPSSU', 'GPO']);
  for (const district of ['AKM-BURABAY', 'AKM-ZERENDI', 'AKM-SHORTANDY']) {
    const below = ORGANIZATIONS.filter((o) => o.parentCode === district);
    assert.ok(below.length >= 2 && below.length <= 3, district);
    for (const o of below) assert.ok(o.kind === 'ruralAkimat' || o.kind === 'townAkimat', o.code);
  }
});

test('organizations: the demo districts and okrugs have KATO codes nested in their parents (AA BB CC DDD)', () => {
  const byCode = new Map(ORGANIZATIONS.map((o) => [o.code, o]));
  assert.equal(byCode.get('AKM-BURABAY')?.kato, '117000000');
  const districts = ORGANIZATIONS.filter((o) => o.kind === 'districtAkimat');
  assert.equal(districts.length, 3);
  const katos = new Set<string>();
  for (const d of districts) {
    assert.match(d.kato ?? '', /^11\d{2}0{5}$/, d.code); // in Akmola oblast, a district
    for (const o of ORGANIZATIONS.filter((x) => x.parentCode === d.code)) {
      assert.match(o.kato ?? '', /^\d{6}000$/, o.code); // a town administration or rural okrug
      assert.equal(o.kato!.slice(0, 4), d.kato!.slice(0, 4), `${o.code} lies in ${d.code}`);
      assert.notEqual(o.kato, d.kato, o.code);
      katos.add(o.kato!);
    }
    katos.add(d.kato!);
  }
  assert.equal(katos.size, 3 + ORGANIZATIONS.filter((o) => o.kind === 'ruralAkimat' || o.kind === 'townAkimat').length, 'distinct codes');
});

// ---------------------------------------------------------------------------------------------
// Directories

test('directories: every directory is present, non-empty, with unique codes and full labels', () => {
  assert.deepEqual(Object.keys(DIRECTORIES).sort(), [...DIRECTORY_NAMES].sort());
  for (const name of DIRECTORY_NAMES) {
    const entries = DIRECTORIES[name];
    assert.ok(entries.length > 0, name);
    const codes = entries.map((e) => e.code);
    assert.equal(new Set(codes).size, codes.length, `${name}: duplicate code`);
    const seen = new Set<string>();
    for (const e of entries) {
      assert.ok(e.code.length > 0, name);
      assertLabels(e.label, `${name}.${e.code}`);
      if (e.parentCode !== undefined) assert.ok(seen.has(e.parentCode), `${name}.${e.code}: parent ${e.parentCode} missing or after it`);
      seen.add(e.code);
    }
  }
});

test('directories: vocabulary-backed directories equal the vocabulary arrays', () => {
  assert.deepEqual(codesOf('documentType'), [...DOCUMENT_TYPES]);
  assert.deepEqual(codesOf('form'), [...FORMS]);
  assert.deepEqual(codesOf('channel'), [...CHANNELS]);
  assert.deepEqual(codesOf('procedure'), [...PROCEDURES]);
  assert.deepEqual(codesOf('applicantKind'), [...APPLICANT_KINDS]);
  for (const [name, codes] of Object.entries(VOCABULARY_DIRECTORIES)) assert.deepEqual(codesOf(name as DirectoryName), [...codes], name);
  // language: the vocabulary's languages first, then other ISO 639-1 codes
  const languages = codesOf('language');
  assert.deepEqual(languages.slice(0, LANGUAGES.length), [...LANGUAGES]);
  for (const code of languages) assert.match(code, /^[a-z]{2}$/, code);
});

test('directories: issue categories, citizenship, sex', () => {
  const issues = DIRECTORIES.issueCategory;
  assert.ok(issues.length >= 30, `only ${issues.length} issue categories`);
  for (const code of ['housing', 'land', 'health', 'education', 'waterSupply', 'gasSupply', 'electricity', 'heating', 'corruption', 'other']) {
    assert.ok(
      issues.some((e) => e.code === code),
      code,
    );
  }
  // groups are one level deep
  const groups = new Set(issues.filter((e) => e.parentCode === undefined).map((e) => e.code));
  for (const e of issues) if (e.parentCode !== undefined) assert.ok(groups.has(e.parentCode), e.code);

  const citizenship = codesOf('citizenship');
  for (const code of citizenship) assert.ok(/^[A-Z]{2}$/.test(code) || code === 'stateless' || code === 'other', code);
  for (const code of ['KZ', 'RU', 'UZ', 'KG', 'CN', 'TR', 'stateless']) assert.ok(citizenship.includes(code), code);
  assert.deepEqual(codesOf('sex'), ['male', 'female']);
});

// ---------------------------------------------------------------------------------------------
// Demo registry

test('demo registry: every IIN is valid and consistent with birth date and sex', () => {
  assert.ok(DEMO_PERSONS.length >= 15);
  const iins = DEMO_PERSONS.map((p) => p.iin);
  assert.equal(new Set(iins).size, iins.length, 'duplicate IIN');
  for (const p of DEMO_PERSONS) {
    const parsed = parseIin(p.iin);
    assert.ok(parsed.ok, `${p.iin}: ${parsed.ok ? '' : parsed.reason}`);
    assert.equal(parsed.birthDate, p.birthDate, p.iin);
    assert.equal(parsed.sex, p.sex, p.iin);
    assert.ok(ageOn(p.birthDate, '2026-01-01') >= 0, p.iin);
    assert.equal(findDemoPerson(p.iin), p);
  }
  assert.ok(DEMO_PERSONS.some((p) => p.sex === 'male') && DEMO_PERSONS.some((p) => p.sex === 'female'));
  assert.ok(
    DEMO_PERSONS.some((p) => p.middleName === null),
    'someone without a patronymic',
  );
  assert.ok(
    DEMO_PERSONS.some((p) => p.birthDate >= '2000-01-01'),
    'someone born in the 2000s (century digit 5/6)',
  );
});

test('demo registry: person fields use directory codes and sensible formats', () => {
  const nationality = new Set(codesOf('nationality'));
  const socialStatus = new Set(codesOf('socialStatus'));
  const citizenship = new Set(codesOf('citizenship'));
  for (const p of DEMO_PERSONS) {
    assert.ok(p.lastName.length > 0 && p.firstName.length > 0, p.iin);
    assert.ok(citizenship.has(p.citizenship), p.iin);
    assert.ok(nationality.has(p.nationality), `${p.iin}: nationality ${p.nationality}`);
    assert.ok(socialStatus.has(p.socialStatus), `${p.iin}: socialStatus ${p.socialStatus}`);
    assert.match(p.mobilePhone, /^\+77\d{9}$/, p.iin);
    if (p.homePhone !== null) assert.match(p.homePhone, /^\+7\d{10}$/, p.iin);
    if (p.email !== null) assert.match(p.email, /^[^@\s]+@[^@\s]+\.[a-z]+$/, p.iin);
    if (p.occupation !== null) assertBilingual(p.occupation, `${p.iin}.occupation`);
    assertAddress(p.address, p.iin);
    assert.equal(p.address.region.ru, 'Акмолинская область', p.iin);
  }
});

test('demo registry: every BIN is valid; company fields use directory codes', () => {
  assert.ok(DEMO_COMPANIES.length >= 8);
  const bins = DEMO_COMPANIES.map((c) => c.bin);
  assert.equal(new Set(bins).size, bins.length, 'duplicate BIN');
  const categories = new Set(codesOf('businessCategory'));
  const iins = new Set(DEMO_PERSONS.map((p) => p.iin));
  for (const c of DEMO_COMPANIES) {
    const parsed = parseBin(c.bin);
    assert.ok(parsed.ok, `${c.bin}: ${parsed.ok ? '' : parsed.reason}`);
    assert.notEqual(parsed.registeredYearMonth, null, c.bin);
    assert.notEqual(parsed.entityType, 'unknown', c.bin);
    assert.notEqual(parsed.division, 'unknown', c.bin);
    assert.ok(!iins.has(c.bin), c.bin);
    assert.ok(categories.has(c.businessCategory), `${c.bin}: businessCategory ${c.businessCategory}`);
    assertBilingual(c.name, c.bin);
    assertAddress(c.address, c.bin);
    assert.equal(findDemoCompany(c.bin), c);
  }
  // the BIN's type/division digits match what the entity is
  const farm = DEMO_COMPANIES.find((c) => c.name.ru.startsWith('Крестьянское хозяйство'));
  const farmBin = farm && parseBin(farm.bin);
  assert.ok(farmBin?.ok && farmBin.division === 'peasantFarm' && farmBin.entityType === 'jointEntrepreneurship');
  const branch = DEMO_COMPANIES.find((c) => c.businessCategory === 'foreignBranch');
  const branchBin = branch && parseBin(branch.bin);
  assert.ok(branchBin?.ok && branchBin.division === 'branch' && branchBin.entityType === 'nonResidentLegalEntity');
});
