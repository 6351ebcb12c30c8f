// Prints jest's result as one plain line ("tests: N passed, N failed, N skipped") that CI can read.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numFailedTestSuites } = results;
    const failed = numFailedTests + (numFailedTests === 0 ? numFailedTestSuites : 0);
    console.log(`\ntests: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped`);
  }
}
