import { LANGUAGES } from '../core/languages';
import { languageIdAccuracy, ratio, topConfusions, type EvaluationReport, type Tally } from './evaluate';

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const counted = (tally: Tally): string => `${percent(ratio(tally))} (${tally.correct}/${tally.total})`;

/** Why: `npm run nlu:eval` prints details first and ends with the summary lines CI and people grep for. */
export function formatReport(report: EvaluationReport, folds: number): string[] {
  const { committed, abstained, shared } = report.languageId;
  const lines = [`held-out evaluation: stratified ${folds}-fold, ${report.intent.total} de-duplicated utterances`, ''];
  lines.push('intent accuracy per intent:');
  for (const [intent, tally] of [...report.byIntent].sort((a, b) => ratio(a[1]) - ratio(b[1]))) {
    lines.push(`  ${intent.padEnd(20)} ${counted(tally)}`);
  }
  lines.push('', 'top confusions (expected → predicted):');
  for (const { pair, count } of topConfusions(report, 15)) lines.push(`  ${String(count).padStart(3)}  ${pair}`);
  lines.push(
    '',
    `language identification: committed on ${committed}, no clear evidence (null) on ${abstained}, ` +
      `skipped ${shared} texts that occur in several languages' data`,
    `language identification counting null as wrong: ${percent(report.languageId.correct / Math.max(committed + abstained, 1))}`,
    '',
    `held-out phrases without a one-word neighbour in training: ${report.withoutNearCopies.total} of ${report.intent.total}, ` +
      `intent accuracy on them ${counted(report.withoutNearCopies)}`,
    '',
    `intent accuracy overall: ${percent(ratio(report.intent))}`,
  );
  for (const language of LANGUAGES) {
    const tally = report.byLanguage.get(language);
    if (tally !== undefined) lines.push(`intent accuracy ${language}: ${percent(ratio(tally))}`);
  }
  lines.push(`language identification: ${percent(languageIdAccuracy(report))}`);
  return lines;
}
