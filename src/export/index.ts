// Public surface of the open-data export: CSV and JSON of the public library, and their file names.
export {
  practicesToCsv, practicesToJson, exportFileName, CSV_COLUMNS, CSV_LABELS,
  type CsvOptions, type CsvSeparator, type CsvColumn, type JsonExportOptions, type ExportKind,
} from './csv.js';
