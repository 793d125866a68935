import ExcelJS from 'exceljs';
import type { Test } from 'supertest';

/**
 * An export's workbook as the browser would save it: asks for `request`'s body whole, checks it is an .xlsx,
 * and returns the named sheet's header and body rows (cell values, without exceljs's leading empty cell).
 */
export async function downloadedSheet(
  request: Test,
  sheetName: string,
): Promise<{ header: unknown[]; body: unknown[][] }> {
  const response = await request
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.body as ArrayBuffer);
  const rows = workbook.getWorksheet(sheetName)!.getSheetValues().slice(1) as unknown[][];
  return { header: rows[0].slice(1), body: rows.slice(1).map((row) => row.slice(1)) };
}
