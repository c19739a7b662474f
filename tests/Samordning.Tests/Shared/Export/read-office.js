// Reads an Office file with readers the project did not write, and prints what they saw as JSON:
//   node read-office.js <file.xlsx>  → {"creator", "title", "sheets": [{"name", "rows": [[cell, …], …]}]}   (exceljs)
//   node read-office.js <file.docx>  → {"text": "…"}                                                        (mammoth)
// A file the reader cannot open ends the process with exit code 1 and the reader's message on stderr.
'use strict';
const path = require('path');

async function readXlsx(file) {
  const ExcelJS = require('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets = [];
  workbook.eachSheet(sheet => {
    const rows = [];
    sheet.eachRow({ includeEmpty: false }, row => {
      const cells = [];
      for (let column = 1; column <= row.cellCount; column++) {
        cells.push(text(row.getCell(column).value));
      }
      rows.push(cells);
    });
    sheets.push({ name: sheet.name, rows });
  });
  return { creator: workbook.creator ?? null, title: workbook.title ?? null, sheets };
}

// A cell as text: numbers as numbers' text, rich text joined, empty as "".
function text(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && Array.isArray(value.richText)) return value.richText.map(r => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return String(value);
}

async function readDocx(file) {
  const mammoth = require('mammoth');
  const result = await mammoth.extractRawText({ path: file });
  return { text: result.value };
}

const file = process.argv[2];
const read = path.extname(file).toLowerCase() === '.xlsx' ? readXlsx : readDocx;
read(file).then(
  result => process.stdout.write(JSON.stringify(result)),
  error => {
    process.stderr.write(String(error && error.stack || error));
    process.exit(1);
  });
