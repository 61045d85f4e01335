// Personal reception: schedules, sign-ups, the live queue, the protocol, compliance, the public
// schedule and the hall screen. Kazakh (the state language, default), Russian and English; {name}
// is a parameter. Assembled with the other areas in ../messages.ts.

export const kk = {
  'messages.kind.receptionScheduled': 'Қабылдау күні туралы',
  'messages.kind.receptionCancelled': 'Қабылдау болдырылмағаны туралы',
};

type Area = Record<keyof typeof kk, string>;

export const ru: Area = {
  'messages.kind.receptionScheduled': 'О дате приема',
  'messages.kind.receptionCancelled': 'Об отмене приема',
};

export const en: Area = {
  'messages.kind.receptionScheduled': 'Reception date',
  'messages.kind.receptionCancelled': 'Reception cancelled',
};
