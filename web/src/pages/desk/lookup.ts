// IIN and BIN lookups: once the number typed is valid, the registry fills the АИ-1 fields (of the
// applicant, index null, or of a member of a collective appeal); an individual the registry does
// not know still gets the birth date and sex the IIN itself encodes.
import { useState, type Dispatch, type SetStateAction } from 'react';
import { parseBin, parseIin } from '../../../../src/domain/identifiers.ts';
import { api, unwrap } from '../../api/client.ts';
import { withMember, type DeskForm, type Entity, type Person } from './form.ts';

export function useRegistryLookup(setF: Dispatch<SetStateAction<DeskForm>>, setPerson: (index: number | null, k: keyof Person, v: string) => void, setEntity: (index: number | null, k: keyof Entity, v: string) => void) {
  const [lookupNote, setLookupNote] = useState<Record<string, 'found' | 'notFound' | undefined>>({});
  const lookupPerson = async (index: number | null, iin: string) => {
    const key = index === null ? 'person' : `people/${index}`;
    try {
      const r = await unwrap(api.GET('/api/v1/registry/persons/{iin}', { params: { path: { iin } } }));
      setF((x) => {
        const cur = index === null ? x.person : x.members[index]!.person;
        if (cur.iin !== iin) return x;
        const filled: Person = {
          ...cur,
          lastName: r.lastName ?? cur.lastName,
          firstName: r.firstName ?? cur.firstName,
          middleName: r.middleName ?? cur.middleName,
          birthDate: r.birthDate ?? cur.birthDate,
          sex: r.sex ?? cur.sex,
          citizenship: r.citizenship ?? cur.citizenship,
          nationality: r.nationality ?? cur.nationality,
          region: r.address?.region ?? cur.region,
          district: r.address?.district ?? cur.district,
          settlement: r.address?.settlement ?? cur.settlement,
          street: r.address?.street ?? cur.street,
          house: r.address?.house ?? cur.house,
          flat: r.address?.flat ?? cur.flat,
          phone: r.phone ?? cur.phone,
          phoneOther: r.phoneOther ?? cur.phoneOther,
          email: r.email ?? cur.email,
          socialStatus: r.socialStatus ?? cur.socialStatus,
          occupation: r.occupation ?? cur.occupation,
        };
        return index === null ? { ...x, person: filled } : withMember(x, index, (m) => ({ ...m, person: filled }));
      });
      setLookupNote((n) => ({ ...n, [key]: 'found' }));
    } catch {
      const parsed = parseIin(iin);
      if (parsed.ok) {
        setF((x) => {
          const cur = index === null ? x.person : x.members[index]!.person;
          const filled = { ...cur, birthDate: cur.birthDate || parsed.birthDate, sex: cur.sex || parsed.sex };
          return index === null ? { ...x, person: filled } : withMember(x, index, (m) => ({ ...m, person: filled }));
        });
      }
      setLookupNote((n) => ({ ...n, [key]: 'notFound' }));
    }
  };
  const lookupCompany = async (index: number | null, bin: string) => {
    const key = index === null ? 'entity' : `entities/${index}`;
    try {
      const r = await unwrap(api.GET('/api/v1/registry/companies/{bin}', { params: { path: { bin } } }));
      setF((x) => {
        const cur = index === null ? x.entity : x.members[index]!.entity;
        if (cur.bin !== bin) return x;
        const filled: Entity = {
          ...cur,
          name: r.name ?? cur.name,
          region: r.address?.region ?? cur.region,
          district: r.address?.district ?? cur.district,
          settlement: r.address?.settlement ?? cur.settlement,
          street: r.address?.street ?? cur.street,
          house: r.address?.house ?? cur.house,
          flat: r.address?.flat ?? cur.flat,
          phone: r.phone ?? cur.phone,
          email: r.email ?? cur.email,
          businessCategory: r.businessCategory ?? cur.businessCategory,
        };
        return index === null ? { ...x, entity: filled } : withMember(x, index, (m) => ({ ...m, entity: filled }));
      });
      setLookupNote((n) => ({ ...n, [key]: 'found' }));
    } catch {
      setLookupNote((n) => ({ ...n, [key]: 'notFound' }));
    }
  };
  const onIin = (index: number | null, value: string) => {
    const v = value.replace(/\D/g, '').slice(0, 12);
    setPerson(index, 'iin', v);
    const key = index === null ? 'person' : `people/${index}`;
    setLookupNote((n) => ({ ...n, [key]: undefined }));
    if (v.length === 12 && parseIin(v).ok) void lookupPerson(index, v);
  };
  const onBin = (index: number | null, value: string) => {
    const v = value.replace(/\D/g, '').slice(0, 12);
    setEntity(index, 'bin', v);
    setLookupNote((n) => ({ ...n, [index === null ? 'entity' : `entities/${index}`]: undefined }));
    if (v.length === 12 && parseBin(v).ok) void lookupCompany(index, v);
  };
  return { lookupNote, onIin, onBin, clearLookups: () => setLookupNote({}) };
}
