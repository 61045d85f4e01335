// A new Excel workbook, exceljs loaded on the first one rather than at the server's start: it is
// the largest package the server uses (about 1 s of a start on the loaded machine, and its memory,
// docs/performance.md "The embedded default"), and only the reports' .xlsx downloads need it.
import type ExcelJS from 'exceljs';

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.Workbook();
}
