/** Reports from code: the JSON, Markdown and HTML reports `kubeprop run` writes, in English or Korean. */

import { defaultSources } from '../report/defaultSources.ts';
import {
  type Lang,
  type ReportFormat,
  renderReport as render,
  replayFileFor,
  writeReports as write,
} from '../report/index.ts';
import type { RunResult } from '../run/types.ts';
import { OptionError } from './errors.ts';

export type { Lang, ReportFormat };

export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'md', 'html'];

export interface ReportOptions {
  /** The report folder (default `reports`): files go to `<dir>/<scenario>/<seed>/report.<format>`. */
  dir?: string;
  /** Which formats (default all three). */
  formats?: readonly ReportFormat[];
  /** `en` (default) or `ko`. */
  lang?: Lang;
}

/** Writes the run's reports and returns the paths written. @throws OptionError for an unknown format or language. */
export function writeReports(result: RunResult, options: ReportOptions = {}): string[] {
  const formats = checkFormats(options.formats ?? REPORT_FORMATS);
  return write(result, options.dir ?? 'reports', formats, checkLang(options.lang ?? 'en'));
}

/**
 * One report as text. `replayFile` is the replay path the report tells a failing run's reader to
 * use (default: where {@link writeReports} puts it under `reports`).
 */
export function renderReport(
  result: RunResult,
  format: ReportFormat,
  options: { lang?: Lang; replayFile?: string } = {},
): string {
  const [checked] = checkFormats([format]);
  return render(result, checked!, {
    lang: checkLang(options.lang ?? 'en'),
    sources: defaultSources,
    replayFile: options.replayFile ?? replayFileFor('reports', result),
  });
}

function checkFormats(formats: readonly ReportFormat[]): ReportFormat[] {
  const bad = formats.find((f) => !REPORT_FORMATS.includes(f));
  if (bad !== undefined)
    throw new OptionError('formats', `unknown report format "${bad}" (known: ${REPORT_FORMATS.join(', ')})`);
  return [...formats];
}

function checkLang(lang: Lang): Lang {
  if (lang !== 'en' && lang !== 'ko')
    throw new OptionError('lang', `unknown language "${lang}" (known: en, ko)`);
  return lang;
}
