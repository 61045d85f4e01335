// Registration numbers unique across instances (issue 15, item 5; docs/scaling.md "Regional
// instances"): the statistics authority's instance leases every registered instance blocks of a
// year's sequence; an instance numbers gaplessly inside its blocks. A standalone instance (no
// `numbering` setting, the default) numbers as before: registration_sequence gives back the counter.
//
// Also the organization key on duplicate_candidates, so that every table growing with appeals
// carries it (src/db/schema-scaling.test.ts).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
-- On an instance that takes its numbers from an authority: the blocks it holds. The counter of
-- the year (appeal_counters.last_value) stays the count of numbers given; the n-th number of the
-- year is the one of the block whose ordinals cover n.
CREATE TABLE number_blocks (
  year integer NOT NULL,
  -- the first sequence number of the block, and how many it holds
  first_value bigint NOT NULL CHECK (first_value > 0),
  size integer NOT NULL CHECK (size > 0),
  -- the year's ordinal (counter value) its first number is given at
  first_ordinal bigint NOT NULL CHECK (first_ordinal > 0),
  leased_at timestamptz NOT NULL,
  PRIMARY KEY (year, first_ordinal),
  UNIQUE (year, first_value)
);

-- On the authority: every block it leased, to other instances and to itself. Blocks never overlap:
-- each starts after the last one of its year (src/exports/numbers.ts, under a lock).
CREATE TABLE number_leases (
  year integer NOT NULL,
  first_value bigint NOT NULL CHECK (first_value > 0),
  size integer NOT NULL CHECK (size > 0),
  instance_id text NOT NULL,
  -- the instance's request id: the same request answered again gets the same block
  request_id uuid,
  -- 'request' (signed HTTP request) or the operator's name (an offline lease from the CLI)
  leased_by text NOT NULL,
  leased_at timestamptz NOT NULL,
  PRIMARY KEY (year, first_value),
  UNIQUE (instance_id, request_id)
);
CREATE INDEX number_leases_instance ON number_leases (instance_id, year, first_value);

-- The year and sequence of an imported ТЖ-1 card's number ('2026-00000042'), for the import's
-- collision check; NULL for any other record.
CREATE FUNCTION imported_number_key(kind text, record jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN kind = 'tzh1' THEN substring(record->>'registrationNumber' from '^[^-]+-([0-9]{4}-[0-9]+)') END
$$;
CREATE INDEX imported_records_number ON imported_records (imported_number_key(kind, record)) WHERE kind = 'tzh1';

-- The sequence number of the year's n-th registration: n itself on a standalone instance; else
-- the number n falls on in the leased blocks, or the error JN001 when none covers it.
CREATE FUNCTION registration_sequence(y integer, ordinal bigint) RETURNS bigint LANGUAGE plpgsql STABLE AS $$
DECLARE
  s bigint;
BEGIN
  IF coalesce((SELECT value->>'mode' FROM settings WHERE key = 'numbering'), 'standalone') = 'standalone' THEN
    RETURN ordinal;
  END IF;
  SELECT b.first_value + (ordinal - b.first_ordinal) INTO s
    FROM number_blocks b
   WHERE b.year = y AND b.first_ordinal <= ordinal AND ordinal < b.first_ordinal + b.size;
  IF s IS NULL THEN
    RAISE EXCEPTION 'no leased registration number for the number % of %', ordinal, y USING ERRCODE = 'JN001';
  END IF;
  RETURN s;
END
$$;

ALTER TABLE duplicate_candidates ADD COLUMN organization_id integer REFERENCES organizations(id);
UPDATE duplicate_candidates d SET organization_id = a.organization_id FROM appeals a WHERE a.id = d.appeal_id;
ALTER TABLE duplicate_candidates ALTER COLUMN organization_id SET NOT NULL;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
ALTER TABLE duplicate_candidates DROP COLUMN organization_id;
DROP FUNCTION registration_sequence(integer, bigint);
DROP INDEX imported_records_number;
DROP FUNCTION imported_number_key(text, jsonb);
DROP TABLE number_leases;
DROP TABLE number_blocks;
`,
    )
    .execute(db);
}
