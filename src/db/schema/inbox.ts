// Row types of staff notifications (0017); src/db/schema.ts adds them to DB.
import type { Generated, JSONColumnType } from 'kysely';
import type { Timestamp } from '../schema.ts';

/** Staff notifications (0017, issue 10 item 13): a user's inbox, one row per (user, key). */
export interface StaffNotificationsTable {
  id: Generated<number>;
  user_id: string;
  kind: string;
  appeal_id: string | null;
  key: string;
  params: JSONColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** Whether a user also gets staff notifications by e-mail (0017); no row: yes. */
export interface StaffNotificationSettingsTable {
  user_id: string;
  email: boolean;
}

export interface InboxTables {
  staff_notifications: StaffNotificationsTable;
  staff_notification_settings: StaffNotificationSettingsTable;
}
