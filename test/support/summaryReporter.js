// Prints the one plain line CI reads: "N passed, N failed" (Jest's own summary is not recognised),
// after one line naming the tests skipped for want of LibreOffice, if any, and how to run them.
const NEEDS_LIBREOFFICE = '[needs LibreOffice]';

class SummaryReporter {
  onRunComplete(_contexts, results) {
    let skippedLibreOffice = 0;
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status === 'pending' && test.ancestorTitles.some((t) => t.includes(NEEDS_LIBREOFFICE))) skippedLibreOffice++;
      }
    }
    if (skippedLibreOffice > 0) {
      process.stdout.write(
        `\nskipped ${skippedLibreOffice} LibreOffice recalculation tests: soffice is not on PATH ` +
          '(install it with `apt-get install libreoffice-calc-nogui`, or set SOFFICE=/path/to/soffice; under CI they are required)\n',
      );
    }
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`\n${results.numPassedTests} passed, ${failed} failed\n`);
  }
}
module.exports = SummaryReporter;
