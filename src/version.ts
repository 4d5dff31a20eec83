/** The toolkit version recorded in reports and replay files (kept equal to package.json's). */
export const TOOLKIT_VERSION = '0.1.0';
