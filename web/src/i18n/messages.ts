// The web app's own words in Kazakh (the state language, default), Russian and English. Labels of
// directories (document types, channels, …) and of decisions come from the server in the language
// asked for; everything else is here. {name} is a parameter.
//
// The words live by area in ./messages/*.ts, each with its kk (which names the keys) and its ru and
// en (which must have every one of them); this file puts them together.
import * as common from './messages/common.ts';
import * as desk from './messages/desk.ts';
import * as appeal from './messages/appeal.ts';
import * as queues from './messages/queues.ts';
import * as accounting from './messages/accounting.ts';
import * as accountingRecords from './messages/accountingRecords.ts';
import * as control from './messages/control.ts';
import * as contactCentre from './messages/contactCentre.ts';
import * as reception from './messages/reception.ts';
import * as inbox from './messages/inbox.ts';
import * as admin from './messages/admin.ts';
import * as attachments from './messages/attachments.ts';

const kk = {
  ...common.kk,
  ...desk.kk,
  ...appeal.kk,
  ...queues.kk,
  ...accounting.kk,
  ...accountingRecords.kk,
  ...control.kk,
  ...contactCentre.kk,
  ...reception.kk,
  ...inbox.kk,
  ...admin.kk,
  ...attachments.kk,
};

export type MessageKey = keyof typeof kk;
export type Messages = Record<MessageKey, string>;

/** No key in two areas (the later one would silently win): a type error naming the key otherwise. */
type Areas = [
  typeof common.kk,
  typeof desk.kk,
  typeof appeal.kk,
  typeof queues.kk,
  typeof accounting.kk,
  typeof accountingRecords.kk,
  typeof control.kk,
  typeof contactCentre.kk,
  typeof reception.kk,
  typeof inbox.kk,
  typeof admin.kk,
  typeof attachments.kk,
];
type KeysOf<T extends unknown[]> = T extends [infer H, ...infer R] ? keyof H | KeysOf<R> : never;
type Overlap<T extends unknown[]> = T extends [infer H, ...infer R] ? (keyof H & KeysOf<R>) | Overlap<R> : never;
const noKeyInTwoAreas: [Overlap<Areas>] extends [never] ? true : { keyInTwoAreas: Overlap<Areas> } = true;
void noKeyInTwoAreas;

const ru: Messages = {
  ...common.ru,
  ...desk.ru,
  ...appeal.ru,
  ...queues.ru,
  ...accounting.ru,
  ...accountingRecords.ru,
  ...control.ru,
  ...contactCentre.ru,
  ...reception.ru,
  ...inbox.ru,
  ...admin.ru,
  ...attachments.ru,
};

const en: Messages = {
  ...common.en,
  ...desk.en,
  ...appeal.en,
  ...queues.en,
  ...accounting.en,
  ...accountingRecords.en,
  ...control.en,
  ...contactCentre.en,
  ...reception.en,
  ...inbox.en,
  ...admin.en,
  ...attachments.en,
};

export const MESSAGES = { kk: kk as Messages, ru, en };
