// Row types of the registration numbers leased across instances (0021); src/db/schema.ts adds them to DB.
import type { Timestamp } from '../schema.ts';

/** A block of the year's sequence this instance numbers from (leased from the authority). */
export interface NumberBlocksTable {
  year: number;
  first_value: number;
  size: number;
  first_ordinal: number;
  leased_at: Timestamp;
}

/** The authority's ledger: every block it leased, to which instance. */
export interface NumberLeasesTable {
  year: number;
  first_value: number;
  size: number;
  instance_id: string;
  request_id: string | null;
  leased_by: string;
  leased_at: Timestamp;
}

export interface NumberingTables {
  number_blocks: NumberBlocksTable;
  number_leases: NumberLeasesTable;
}
