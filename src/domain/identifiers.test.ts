import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ageOn, centuryDigitFor, checkDigit, composeIin, hasValidCheckDigit, maskIdentifiersInText, maskIin, parseBin, parseIin } from './identifiers.ts';

// Hand-checked examples (digits × weights, sum mod 11):
// 90010140000: 9·1 + 1·4 + 1·6 + 4·7 = 47; 47 mod 11 = 3          → 900101400003
// 95050130123: 9+10+0+20+0+6+21+0+9+20+33 = 128; 128 mod 11 = 7   → 950501301237
// 04020250001: 0+8+0+8+0+12+35+0+0+0+11 = 74; 74 mod 11 = 8       → 040202500018
// 87041230001: 8+14+0+16+5+12+21+0+0+0+11 = 87; 87 mod 11 = 10, so the second weights:
//              8·3+7·4+0·5+4·6+1·7+2·8+3·9+0·10+0·11+0·1+1·2 = 128; 128 mod 11 = 7 → 870412300017
// 87041230008: first sum 164 (mod 11 = 10), second sum 142 (mod 11 = 10) → no check digit.

test('checkDigit: first weight set', () => {
  assert.equal(checkDigit('90010140000'), 3);
  assert.equal(checkDigit('95050130123'), 7);
  assert.equal(checkDigit('04020250001'), 8);
});

test('checkDigit: second weight set when the first gives 10', () => {
  assert.equal(checkDigit('87041230001'), 7);
});

test('checkDigit: null when both weight sets give 10, or on bad input', () => {
  assert.equal(checkDigit('87041230008'), null);
  assert.equal(checkDigit('8704123000'), null);
  assert.equal(checkDigit('870412300011'), null);
  assert.equal(checkDigit('8704123000a'), null);
  assert.equal(checkDigit(''), null);
});

test('parseIin: valid numbers, birth date and sex derivation', () => {
  assert.deepEqual(parseIin('900101400003'), { ok: true, iin: '900101400003', birthDate: '1990-01-01', sex: 'female' });
  assert.deepEqual(parseIin('950501301237'), { ok: true, iin: '950501301237', birthDate: '1995-05-01', sex: 'male' });
  assert.deepEqual(parseIin('040202500018'), { ok: true, iin: '040202500018', birthDate: '2004-02-02', sex: 'male' });
  // needs the second weight set
  assert.deepEqual(parseIin('870412300017'), { ok: true, iin: '870412300017', birthDate: '1987-04-12', sex: 'male' });
  // surrounding whitespace is tolerated
  assert.equal(parseIin(' 870412300017\n').ok, true);
});

test('parseIin: every century digit maps to its century and sex', () => {
  const cases: Array<[number, string, 'male' | 'female']> = [
    [1, '1899-12-31', 'male'],
    [2, '1899-12-31', 'female'],
    [3, '1999-12-31', 'male'],
    [4, '1999-12-31', 'female'],
    [5, '2099-12-31', 'male'],
    [6, '2099-12-31', 'female'],
  ];
  for (const [digit, birthDate, sex] of cases) {
    const iin = withCheckDigit(`991231${digit}0001`);
    assert.deepEqual(parseIin(iin), { ok: true, iin, birthDate, sex });
  }
});

test('parseIin: wrong check digit', () => {
  assert.deepEqual(parseIin('900101400004'), { ok: false, reason: 'checkDigit' });
  assert.deepEqual(parseIin('870412300011'), { ok: false, reason: 'checkDigit' });
  // no check digit exists for these 11 digits, whatever the 12th
  for (let d = 0; d <= 9; d++) assert.deepEqual(parseIin(`87041230008${d}`), { ok: false, reason: 'checkDigit' });
});

test('parseIin: wrong length or non-digits', () => {
  for (const s of ['', '90010140000', '9001014000031', '90010140000A', '9001-0140-0003', '９００１０１４００００３', '90010140000 3']) {
    assert.deepEqual(parseIin(s), { ok: false, reason: 'format' }, s);
  }
});

function withCheckDigit(first11: string): string {
  for (let i = 0; i < 10; i++) {
    // vary the last serial digit until a check digit exists
    const candidate = first11.slice(0, 10) + String((Number(first11[10]) + i) % 10);
    const c = checkDigit(candidate);
    if (c !== null) return candidate + c;
  }
  throw new Error('unreachable');
}

test('parseIin: impossible birth dates', () => {
  for (const yymmdd of ['870230', '870229', '871301', '870001', '870100', '870431', '870132']) {
    const iin = withCheckDigit(`${yymmdd}30001`);
    assert.deepEqual(parseIin(iin), { ok: false, reason: 'birthDate' }, iin);
  }
  // 29 February exists in 2000 (leap) and 1988, not in 1900 or 1987
  assert.equal(parseIin(withCheckDigit('00022950001')).ok, true);
  assert.equal(parseIin(withCheckDigit('88022940001')).ok, true);
  assert.deepEqual(parseIin(withCheckDigit('00022930001')), { ok: false, reason: 'birthDate' });
});

test('parseIin: century digits 0, 7, 8, 9 are invalid', () => {
  for (const d of ['0', '7', '8', '9']) {
    const iin = withCheckDigit(`870412${d}0001`);
    assert.ok(hasValidCheckDigit(iin));
    assert.deepEqual(parseIin(iin), { ok: false, reason: 'century' }, iin);
  }
});

test('composeIin builds numbers parseIin accepts', () => {
  assert.equal(composeIin('1987-04-12', 'male', 1), '870412300017');
  assert.equal(composeIin('1987-04-12', 'male', 8), null); // no check digit for this serial
  assert.equal(composeIin('1987-02-30', 'male', 1), null);
  assert.equal(composeIin('1799-01-01', 'male', 1), null);
  assert.equal(composeIin('1987-04-12', 'male', 10000), null);
  for (const [date, sex] of [
    ['1956-11-03', 'female'],
    ['2011-07-19', 'male'],
    ['1899-01-01', 'female'],
  ] as const) {
    for (let serial = 0; serial < 20; serial++) {
      const iin = composeIin(date, sex, serial);
      if (iin === null) continue;
      assert.deepEqual(parseIin(iin), { ok: true, iin, birthDate: date, sex });
    }
  }
  assert.equal(centuryDigitFor(1987, 'female'), 4);
  assert.equal(centuryDigitFor(2100, 'male'), null);
});

test('parseBin: valid numbers are decoded', () => {
  // 9,7,1,2,4,0,0,0,1,3,1 × 1..11 = 104; 104 mod 11 = 5
  assert.deepEqual(parseBin('971240001315'), {
    ok: true,
    bin: '971240001315',
    registeredYearMonth: '1997-12',
    entityType: 'residentLegalEntity',
    division: 'headOrganization',
  });
  // 9,4,1,2,4,0,0,0,1,1,5 × 1..11 = 122; 122 mod 11 = 1
  assert.equal(parseBin('941240001151').ok, true);
  const branch = parseBin(withCheckDigit('15035100042'));
  assert.ok(branch.ok);
  assert.equal(branch.registeredYearMonth, '2015-03');
  assert.equal(branch.entityType, 'nonResidentLegalEntity');
  assert.equal(branch.division, 'branch');
  const farm = parseBin(withCheckDigit('21116300001'));
  assert.ok(farm.ok);
  assert.equal(farm.entityType, 'jointEntrepreneurship');
  assert.equal(farm.division, 'peasantFarm');
  const rep = parseBin(withCheckDigit('08075200001'));
  assert.ok(rep.ok);
  assert.equal(rep.division, 'representativeOffice');
});

test('parseBin: tolerant of unusual type/division/month digits', () => {
  const odd = parseBin(withCheckDigit('10007900001'));
  assert.ok(odd.ok);
  assert.equal(odd.registeredYearMonth, null);
  assert.equal(odd.entityType, 'unknown');
  assert.equal(odd.division, 'unknown');
});

test('parseBin: check digit and format are enforced', () => {
  assert.deepEqual(parseBin('971240001316'), { ok: false, reason: 'checkDigit' });
  assert.deepEqual(parseBin('97124000131'), { ok: false, reason: 'format' });
  assert.deepEqual(parseBin('97124000131X'), { ok: false, reason: 'format' });
  assert.deepEqual(parseBin(''), { ok: false, reason: 'format' });
});

test('ageOn', () => {
  assert.equal(ageOn('1987-04-12', '2026-04-11'), 38);
  assert.equal(ageOn('1987-04-12', '2026-04-12'), 39);
  assert.equal(ageOn('1987-04-12', '2026-12-31'), 39);
  assert.equal(ageOn('2004-02-29', '2025-02-28'), 20);
  assert.equal(ageOn('2004-02-29', '2025-03-01'), 21);
  assert.equal(ageOn('2004-02-29', '2028-02-29'), 24);
  assert.equal(ageOn('2026-01-01', '2026-01-01'), 0);
  assert.throws(() => ageOn('1987-02-30', '2026-01-01'), RangeError);
  assert.throws(() => ageOn('12.04.1987', '2026-01-01'), RangeError);
});

test('maskIin', () => {
  assert.equal(maskIin('870412300017'), '870412****17');
  assert.equal(maskIin(' 971240001315 '), '971240****15');
  assert.equal(maskIin('12345'), '12345');
});

test('maskIdentifiersInText masks every 12-digit run and nothing else', () => {
  assert.equal(maskIdentifiersInText('IIN 870412300017, BIN=971240001315; bad 870412300011.'), 'IIN 870412****17, BIN=971240****15; bad 870412****11.');
  // 11 and 14 digits (a phone number, a talon number) and registration numbers stay
  assert.equal(maskIdentifiersInText('+77011234567 26032000000042 ЖТ-2026-00000042'), '+77011234567 26032000000042 ЖТ-2026-00000042');
  assert.equal(maskIdentifiersInText('a870412300017b'), 'a870412****17b');
  assert.equal(maskIdentifiersInText(''), '');
});
