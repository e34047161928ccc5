/**
 * `npm run bench [-- --json] [-- --only SUITE]`: performance budgets of DESIGN.md and the issues.
 * Prints a table (or JSON with --json) and exits 1 when a budget is missed.
 */
import { parseArgs } from 'node:util';
import { withinBudget, type BenchResult, type BenchSuite } from './harness';
import { chipSuite } from './suites/chip';
import { autofillSuite } from './suites/autofill';
import { digitizationSuite } from './suites/digitization';
import { foundationSuite } from './suites/foundation';
import { intakeSuite } from './suites/intake';
import { proceduresSuite } from './suites/procedures';
import { syncSuite } from './suites/sync';
import { reportsSuite } from './suites/reports';

const SUITES: readonly BenchSuite[] = [
  foundationSuite,
  intakeSuite,
  proceduresSuite,
  chipSuite,
  autofillSuite,
  digitizationSuite,
  syncSuite,
  reportsSuite,
];

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, only: { type: 'string', multiple: true } },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const selected = values.only ? SUITES.filter((s) => values.only!.includes(s.name)) : SUITES;

const results: BenchResult[] = [];
for (const suite of selected) {
  log(`▶ ${suite.name}`);
  results.push(...(await suite.run(log)));
}

const failed = results.filter((r) => withinBudget(r) === false);
if (values.json) {
  process.stdout.write(
    `${JSON.stringify({ machine: { node: process.version, platform: process.platform, arch: process.arch }, results }, null, 2)}\n`,
  );
} else {
  const rows = results.map((r) => {
    const ok = withinBudget(r);
    return [
      r.suite,
      r.name,
      `${r.value} ${r.unit}`,
      r.budget ? `${r.budget.label} ${ok ? '✅' : '❌'}` : '—',
      Object.entries(r.detail)
        .map(([k, v]) => `${k}=${v}`)
        .join(' '),
    ];
  });
  const header = ['suite', 'benchmark', 'result', 'budget', 'detail'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}
if (failed.length > 0) {
  log(`✗ ${failed.length} budget(s) missed: ${failed.map((f) => f.name).join('; ')}`);
  process.exitCode = 1;
}
