// Staff notifications (web/src/pages/Inbox.tsx, the bell in the shell): issue 10, item 13.
// Kazakh (the state language, default), Russian and English; {n} is a parameter.

export const kk = {
  'inbox.title': 'Хабарламалар',
  'inbox.bell': 'Хабарламалар: оқылмаған {n}',
  'inbox.empty': 'Хабарлама жоқ',
  'inbox.unreadOnly': 'Тек оқылмағандар',
  'inbox.markAllRead': 'Барлығын оқылды деп белгілеу',
  'inbox.markRead': 'Оқылды',
  'inbox.email': 'Хабарламаларды электрондық поштаға да жіберу',
  'inbox.when': 'Уақыты',
  'inbox.what': 'Хабарлама',
  'inbox.unread': 'Оқылмаған',
};

export const ru: Record<keyof typeof kk, string> = {
  'inbox.title': 'Уведомления',
  'inbox.bell': 'Уведомления: непрочитанных {n}',
  'inbox.empty': 'Уведомлений нет',
  'inbox.unreadOnly': 'Только непрочитанные',
  'inbox.markAllRead': 'Отметить все прочитанными',
  'inbox.markRead': 'Прочитано',
  'inbox.email': 'Присылать уведомления и на электронную почту',
  'inbox.when': 'Время',
  'inbox.what': 'Уведомление',
  'inbox.unread': 'Не прочитано',
};

export const en: Record<keyof typeof kk, string> = {
  'inbox.title': 'Notifications',
  'inbox.bell': 'Notifications: {n} unread',
  'inbox.empty': 'No notifications',
  'inbox.unreadOnly': 'Unread only',
  'inbox.markAllRead': 'Mark all read',
  'inbox.markRead': 'Read',
  'inbox.email': 'Also send notifications by e-mail',
  'inbox.when': 'When',
  'inbox.what': 'Notification',
  'inbox.unread': 'Unread',
};
