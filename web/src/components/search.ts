// A searchable list filters as the server searches (issue 10, item 10): Kazakh letters as their
// Russian neighbours, case ignored (src/domain/search.ts foldSearch), every word typed found.
import type { ComboboxItem, OptionsFilter } from '@mantine/core';
import { foldSearch } from '../../../src/domain/search.ts';

export const foldingFilter: OptionsFilter = ({ options, search, limit }) => {
  const words = foldSearch(search).split(/\s+/).filter(Boolean);
  const found = (options as ComboboxItem[]).filter((o) => {
    const label = foldSearch(o.label);
    return words.every((w) => label.includes(w));
  });
  return found.slice(0, limit);
};
