/**
 * Starts downloading the student page's first chart (recharts is the largest chunk, loaded
 * lazily): called when the page mounts, so the code arrives with the data instead of after it,
 * and by the class page when idle, before the click (issue 19: 1.3–1.9 s to the chart).
 */
export function preloadRiskCharts(): void {
  void import('./attendance-chart');
}
