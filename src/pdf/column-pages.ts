// How a table wider than the page is printed (issue 10 item 1): its data columns are cut into
// consecutive groups that each fit the page beside the repeated row headings, so every column and
// every cell is printed and nothing runs past the page edge. Pure: widths in PDF points.

export interface ColumnPageSpec {
  /** Usable width of the page (page width minus the margins). */
  pageWidth: number;
  /** Widths of the row-heading columns repeated on every page (№, name). */
  headingWidths: readonly number[];
  /** Width of one data column. */
  columnWidth: number;
  /** What each printed column adds to its width: cell paddings and the rule between columns. */
  cellExtra: number;
}

/** How many data columns fit on one page beside the row headings (at least one). */
export function columnsPerPage(s: ColumnPageSpec): number {
  const headings = s.headingWidths.reduce((sum, w) => sum + w + s.cellExtra, 0);
  return Math.max(1, Math.floor((s.pageWidth - headings) / (s.columnWidth + s.cellExtra)));
}

/**
 * The data columns of each page, as [start, end) index ranges covering every column once, in order.
 * A page takes as many columns as fit; when that would cut a merged group heading (consecutive
 * columns with the same non-null `groups` key) the page ends before the group instead, unless the
 * group starts the page (a group wider than a page is cut, its heading repeated on each part).
 */
export function columnPages(groups: readonly (string | null)[], perPage: number): { start: number; end: number }[] {
  if (!Number.isInteger(perPage) || perPage < 1) throw new Error(`columnPages: ${perPage} columns per page`);
  const pages: { start: number; end: number }[] = [];
  let start = 0;
  while (start < groups.length) {
    let end = Math.min(start + perPage, groups.length);
    const cut = groups[end - 1];
    if (end < groups.length && cut != null && cut === groups[end]) {
      let groupStart = end - 1;
      while (groupStart > start && groups[groupStart - 1] === cut) groupStart--;
      if (groupStart > start) end = groupStart;
    }
    pages.push({ start, end });
    start = end;
  }
  return pages;
}
