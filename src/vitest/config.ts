/** Where kubeprop's vitest helpers write the replay files their failures point at. */

let reportDir = process.env.KUBEPROP_REPORT_DIR ?? 'reports';

/** The folder replay files go to: `KUBEPROP_REPORT_DIR`, else `reports` (as `kubeprop run`). */
export function currentReportDir(): string {
  return reportDir;
}

/** Sets the folder replay files go to, e.g. in a vitest setup file. */
export function configureKubeprop(options: { reportDir?: string }): void {
  if (options.reportDir !== undefined) reportDir = options.reportDir;
}
