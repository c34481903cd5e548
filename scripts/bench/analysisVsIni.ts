// Section 1: pydeploy's full analysis of a uWSGI config (scan, model, every rule, diagnostics) against the `ini`
// package's parse of the same text, in this process, alternating so that both see the same machine state.
import { parse as iniParse } from 'ini';
import { analyze } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { uwsgiIni } from './generate';
import { Row, Stats, describe, ms, progress, repeat, verdict } from './measure';

function fullAnalysis(text: string): number {
  const analysis = analyze('/bench/uwsgi.ini', text);
  if (!analysis) throw new Error('the generated config was not read as a uWSGI config');
  return diagnosticsOf(analysis).length;
}

export function benchAnalysisVsIni(): Row[] {
  const rows: Row[] = [];
  const analysisBySize = new Map<number, Stats>();
  for (const lines of [1_000, 10_000, 100_000]) {
    progress(`1: uWSGI config of ${lines} lines`);
    const text = uwsgiIni(lines, lines);
    const options = lines >= 100_000 ? { warmup: 2, runs: 9 } : lines >= 10_000 ? { warmup: 5, runs: 31 } : { warmup: 50, runs: 201 };
    const ours = repeat(() => fullAnalysis(text), options);
    const theirs = repeat(() => iniParse(text), options);
    analysisBySize.set(lines, ours);
    const ratio = ours.median / theirs.median;
    const size = `${lines.toLocaleString('en')} lines (${(text.length / 1024).toFixed(0)} KiB, ${fullAnalysis(text)} diagnostics)`;
    rows.push(
      { section: '1', what: `full analysis, ${size}`, result: describe(ours), target: '', verdict: 'n/a' },
      { section: '1', what: `ini.parse, same text`, result: describe(theirs), target: '', verdict: 'n/a' },
      { section: '1', what: `ratio analysis / ini.parse, ${lines.toLocaleString('en')} lines`, result: `${ratio.toFixed(2)}×`, target: '≤ 1.0', verdict: verdict(ratio <= 1) },
    );
  }
  const growth = analysisBySize.get(100_000)!.median / analysisBySize.get(10_000)!.median;
  rows.push({
    section: '1',
    what: 'growth: analysis 100k lines / 10k lines',
    result: `${growth.toFixed(1)}× (${ms(analysisBySize.get(100_000)!.median)} / ${ms(analysisBySize.get(10_000)!.median)} ms)`,
    target: '≤ 11×',
    verdict: verdict(growth <= 11),
  });
  return rows;
}
