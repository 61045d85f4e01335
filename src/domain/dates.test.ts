import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime } from './dates.ts';

test('dates: kk and ru dd.MM.yyyy, en "4 Dec 2026"; a calendar day is not shifted', () => {
  assert.deepEqual(
    (['kk', 'ru', 'en'] as const).map((l) => formatDate('2026-12-04', l)),
    ['04.12.2026', '04.12.2026', '4 Dec 2026'],
  );
  assert.equal(formatDate('2026-01-31', 'en', 'America/Los_Angeles'), '31 Jan 2026');
  assert.equal(formatDate('not a date', 'kk'), 'not a date');
});

test('date-times: the local time of Almaty (UTC+5 since March 2024), not UTC', () => {
  assert.equal(formatDateTime('2026-12-04T19:30:00Z', 'kk'), '05.12.2026 00:30');
  assert.equal(formatDateTime('2026-12-04T19:30:00Z', 'ru'), '05.12.2026 00:30');
  assert.equal(formatDateTime(new Date('2026-03-27T07:00:00Z'), 'en'), '27 Mar 2026, 12:00');
  // an instant's day is the local one
  assert.equal(formatDate('2026-12-04T19:30:00.000Z', 'kk'), '05.12.2026');
  // another office's time zone
  assert.equal(formatDateTime('2026-12-04T19:30:00Z', 'ru', 'Europe/Moscow'), '04.12.2026 22:30');
  // a bare day stays a day
  assert.equal(formatDateTime('2026-12-04', 'kk'), '04.12.2026');
});
