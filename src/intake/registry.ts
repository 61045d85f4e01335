// Applicant lookup by IIN/BIN (АИ-1 fields 3, 5–18, 20–26 from the state databases, docs/legal-basis.md#accounting-cards).
// The local directory stands in until an integration with the state databases exists.
import type { Db } from '../db/connection.ts';
import type { IndividualInput, LegalEntityInput } from '../domain/registration.ts';

export interface ApplicantRegistry {
  person(iin: string): Promise<IndividualInput | null>;
  company(bin: string): Promise<LegalEntityInput | null>;
}

export function localRegistry(db: Db): ApplicantRegistry {
  return {
    async person(iin) {
      const row = await db.selectFrom('registry_persons').select('data').where('iin', '=', iin).executeTakeFirst();
      return row ? ({ ...row.data, kind: 'individual', iin } as IndividualInput) : null;
    },
    async company(bin) {
      const row = await db.selectFrom('registry_companies').select('data').where('bin', '=', bin).executeTakeFirst();
      return row ? ({ ...row.data, kind: 'legalEntity', bin } as LegalEntityInput) : null;
    },
  };
}
