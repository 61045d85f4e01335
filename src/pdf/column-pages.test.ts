import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnPages, columnsPerPage } from './column-pages.ts';

test('columnsPerPage: what fits beside the row headings, cell paddings counted, at least one', () => {
  // A3 landscape minus 24 pt margins: 1142.5 pt; headings 18 + 140 (+ 4 each) = 166
  assert.equal(columnsPerPage({ pageWidth: 1142.5, headingWidths: [18, 140], columnWidth: 52, cellExtra: 4 }), 17);
  assert.equal(columnsPerPage({ pageWidth: 1142.5, headingWidths: [18, 140], columnWidth: 52, cellExtra: 0 }), 18);
  assert.equal(columnsPerPage({ pageWidth: 100, headingWidths: [90], columnWidth: 52, cellExtra: 4 }), 1);
});

test('columnPages: every column once, in order, no page wider than allowed', () => {
  const groups = Array.from({ length: 30 }, (_, i) => (i === 0 ? null : `g${Math.floor(i / 4)}`));
  for (const perPage of [1, 3, 5, 17, 30, 40]) {
    const pages = columnPages(groups, perPage);
    assert.deepEqual(
      pages.flatMap((p) => Array.from({ length: p.end - p.start }, (_, k) => p.start + k)),
      groups.map((_, i) => i),
      `${perPage} per page`,
    );
    for (const p of pages) assert.ok(p.end - p.start >= 1 && p.end - p.start <= perPage);
  }
  assert.deepEqual(columnPages([], 5), []);
});

test('columnPages: a page ends before a group rather than cut its heading', () => {
  const groups = [null, 'a', 'a', 'a', null, 'b', 'b', 'b', 'b', null];
  // 5 per page would cut "b" after its first column: the page ends before it
  assert.deepEqual(columnPages(groups, 5), [
    { start: 0, end: 5 },
    { start: 5, end: 10 },
  ]);
  // 3 per page would cut "a" (columns 1–3 starting at 0): ends after column 0
  assert.deepEqual(columnPages(groups, 3), [
    { start: 0, end: 1 },
    { start: 1, end: 4 },
    { start: 4, end: 5 },
    { start: 5, end: 8 },
    { start: 8, end: 10 },
  ]);
});

test('columnPages: a group wider than a page is cut (its heading is repeated on each part)', () => {
  assert.deepEqual(columnPages(['x', 'x', 'x', 'x', 'x'], 2), [
    { start: 0, end: 2 },
    { start: 2, end: 4 },
    { start: 4, end: 5 },
  ]);
  assert.throws(() => columnPages(['x'], 0));
});
