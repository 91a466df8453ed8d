// Prints the one plain line CI reads: "N passed, N failed" (Jest's own summary is not recognised),
// after one line per missing tool naming the tests skipped for want of it, and how to run them.
const SKIP_REASONS = [
  {
    marker: '[needs LibreOffice]',
    line: (n) =>
      `skipped ${n} tests that need LibreOffice (recalculating and saving workbooks): soffice is not on PATH ` +
      '(install it with `apt-get install libreoffice-calc-nogui`, or set SOFFICE=/path/to/soffice; under CI they are required)',
  },
  {
    marker: '[needs python3 with openpyxl, pandas, xlsxwriter]',
    line: (n) =>
      `skipped ${n} tests with workbooks saved by openpyxl/pandas: no python3 with those modules ` +
      '(install them with `python3 -m pip install openpyxl pandas xlsxwriter`, or set PYTHON=/path/to/python3; under CI they are required)',
  },
  {
    marker: '[needs pdftoppm]',
    line: (n) =>
      `skipped ${n} tests that look at the charts LibreOffice prints: pdftoppm/pdftotext are not on PATH ` +
      '(install them with `apt-get install poppler-utils`; under CI they are required)',
  },
];

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = SKIP_REASONS.map(() => 0);
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status !== 'pending') continue;
        // A test's own title names what it needs before its describe block does.
        const titles = [test.title, ...[...test.ancestorTitles].reverse()];
        const owner = titles.find((t) => SKIP_REASONS.some((reason) => t.includes(reason.marker)));
        const i = owner === undefined ? -1 : SKIP_REASONS.findIndex((reason) => owner.includes(reason.marker));
        if (i >= 0) skipped[i]++;
      }
    }
    SKIP_REASONS.forEach((reason, i) => {
      if (skipped[i] > 0) process.stdout.write(`\n${reason.line(skipped[i])}\n`);
    });
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`\n${results.numPassedTests} passed, ${failed} failed\n`);
  }
}
module.exports = SummaryReporter;
