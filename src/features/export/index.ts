/** Export of tables to CSV and XLSX, and saving a file from the browser (phone and district pages). */
export { toCellTable, type Cell, type CellTable, type ExportColumn } from './cell.ts';
export { CSV_MIME, cellTableToCsv, titledTablesToCsv, toCsv } from './csv.ts';
export { XLSX_MIME, sheetFrom, toXlsx, type XlsxSheet } from './xlsx.ts';
export { csvBlob, downloadBlob, exportFileName, xlsxBlob } from './download.ts';
