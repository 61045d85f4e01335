// Trust between instances, kept apart from the trust anchors of users' signatures, and signed
// reconciliation confirmations.
//
// trusted_instances: the instances whose daily packages this one imports (rules p.29), each pinned
// to the certificate that signs its manifests (src/exports/instances.ts). trusted_certificates stay
// the anchors of users' signatures (letters, reports, access requests): trusting an instance makes
// none of its certificates valid there, and no user's certificate signs a package. An instance's
// demo key no longer puts its own CA among those anchors, so the ones it put there go.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
CREATE TABLE trusted_instances (
  instance_id text PRIMARY KEY,
  name text NOT NULL,
  certificate_pem text NOT NULL,
  -- SHA-256 of the certificate's DER, hex: the signer of an accepted package
  fingerprint text NOT NULL,
  added_at timestamptz NOT NULL,
  added_by_name text NOT NULL,
  -- the registering administrator's organization: where the imports it lets in are audited
  organization_id integer NOT NULL REFERENCES organizations(id)
);
DELETE FROM trusted_certificates WHERE subject LIKE 'CN=Joldanym instance CA %';
-- each side's confirmation may carry its signer's CMS over the reconciliation (src/statistics/reconciliation.ts)
ALTER TABLE reconciliations ADD COLUMN authority_signature bytea, ADD COLUMN organization_signature bytea;
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`DROP TABLE trusted_instances; ALTER TABLE reconciliations DROP COLUMN authority_signature, DROP COLUMN organization_signature;`).execute(db);
}
