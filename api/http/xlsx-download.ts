import type ExcelJS from 'exceljs';
import type { Response } from 'express';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * An .xlsx download streamed to the response: exceljs's streaming writer, one sheet, rows committed as they
 * are added, so an export of any size never holds its workbook in memory. `finish` ends the file. exceljs is
 * loaded by the first export, not at the api's start (about 0.4 s of CPU that most api processes never need).
 */
export async function streamXlsxDownload(
  res: Response,
  {
    fileName,
    sheetName,
    columns,
  }: { fileName: string; sheetName: string; columns: Array<Partial<ExcelJS.Column>> },
): Promise<{ addRow: (row: Record<string, unknown>) => void; finish: () => Promise<void> }> {
  const { default: ExcelJS } = await import('exceljs');
  res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: res,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns;
  return {
    addRow: (row) => sheet.addRow(row).commit(),
    finish: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}
