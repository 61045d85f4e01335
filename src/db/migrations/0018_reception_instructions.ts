// A reception protocol's instruction is an instruction of the general model (PR-31, PR-40, PR-41;
// issue 12): the protocol line keeps the instruction it created, whose state the protocol shows.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
ALTER TABLE reception_protocol_lines ADD COLUMN instruction_id uuid REFERENCES instructions(id);
ALTER TABLE reception_protocol_lines ADD CONSTRAINT reception_protocol_lines_instruction_id CHECK (instruction_id IS NULL OR instruction);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE reception_protocol_lines DROP COLUMN instruction_id`.execute(db);
}
