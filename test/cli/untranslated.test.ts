/**
 * Nothing half-translated: every CLI error path we can reach, run under each language; the
 * Chinese output must hold no English words but the allowed ones — ids, file names and
 * column names quoted from the user's files, flag names, units, numbers and product names.
 */
import { defaultPlanInput } from '../../src/core/defaultPlan';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';

const dir = mkdtempSync(join(tmpdir(), 'fp-untranslated-'));
const at = (name: string) => join(dir, name);

const EXPORT_HEADER =
  'Record ID,Original Source,Became a Lead Date,Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,Became an Opportunity Date,Became a Customer Date';
const EXPORT = [
  EXPORT_HEADER,
  '1,Organic Search,2024-01-01,2024-01-05,2024-01-10,2024-01-20,2024-02-01',
  '2,Organic Search,2024-01-02,2024-01-06,,,',
  '3,Paid Search,2024-01-03,,,,',
  '4,Offline Sources,,,2024-01-04,2024-01-14,',
  '5,Offline Sources,,,2024-01-05,2024-01-15,2024-03-01',
].join('\r\n');

const SOURCE = { id: 'marketing', name: 'Web', kind: 'marketing', share: 0.4, avgDealSize: 25_000, conversionRates: { lead: 0.25, mql: 0.4, sql: 0.5, opportunity: 0.25 } };
const OTHER = { id: 'outbound', name: 'Outbound', kind: 'sales', share: 0.6, avgDealSize: 30_000, entryStage: 'sql', conversionRates: { sql: 0.4, opportunity: 0.3 } };
const PLAN = { revenueTarget: 10_000_000, sources: [SOURCE, OTHER] };
const MAPPED = { ...PLAN, history: { sourceMap: { 'Organic Search': 'marketing', 'Paid Search': 'marketing', 'Offline Sources': 'outbound' } } };

/** Files the scenarios read; their words (ids, names, headers) may be quoted back. */
const FILES: Record<string, string | Buffer> = {
  'bad.json': '{"revenueTarget": }',
  'array.json': '[]',
  'many.json': JSON.stringify({
    revenuTarget: 5,
    revenueTarget: '-5',
    currency: 7,
    handoffStage: 'demo',
    stages: ['lead', 'mql', 'sql', 'opportunity', 'won'],
    sources: [
      { ...SOURCE, share: '0,25', avgDealSize: '--5', conversionRates: { lead: 1.5, mql: 'abc', sql: 0, demo: 0.5 } },
      { ...OTHER, id: 'marketing', share: 1.4, entryStage: 'demo', kind: 5, name: ['x'] },
      { id: 'total', share: null, avgDealSize: {} },
    ],
  }),
  'stages.json': JSON.stringify({ ...PLAN, stages: ['lead', 'sql', 'mql', 'lead', 'won'] }),
  'one-stage.json': JSON.stringify({ ...PLAN, stages: ['won'] }),
  'no-sources.json': JSON.stringify({ revenueTarget: 100, sources: [] }),
  'sum.json': JSON.stringify({ ...PLAN, sources: [{ ...SOURCE, share: 0.5 }, OTHER] }),
  'huge.json': JSON.stringify({ ...PLAN, revenueTarget: 1e15, sources: [{ ...SOURCE, share: 1, avgDealSize: 1, conversionRates: { lead: 0.0001, mql: 0.0001, sql: 0.0001, opportunity: 0.0001 } }] }),
  'digits.json': JSON.stringify({ ...PLAN, revenueTarget: 1_234_567_890_123_456 }),
  'plan.json': JSON.stringify(PLAN),
  // The default template, whose scenario, bucket and role names (Downside, Marketing…) are the user's words.
  'pool.json': JSON.stringify(defaultPlanInput()),
  'bad-pool.json': JSON.stringify({ ...defaultPlanInput(), bonus: { pool: { amount: -1 }, buckets: [{ id: 'x', share: 0.5, roles: ['ceo'], kpis: [{ kpi: 'nps', weight: 1, curve: [[1, 1], [0.5, 2]] }] }] } }),
  'mapped.json': JSON.stringify(MAPPED),
  'plan.csv': 'a,b\n',
  'export.csv': EXPORT,
  'header-only.csv': `${EXPORT_HEADER}\r\n`,
  'names.csv': 'Name,Email\na,b\n',
  'gbk.csv': Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0xc4, 0xe3, 0xba, 0xc3, 0x0a]),
  'ambiguous.csv': 'Lead Source,Create Date,Won Date\nWeb,05/03/2024,06/04/2024\nWeb,07/08/2024,\n',
  'bad-dates.csv': 'Lead Source,Create Date,Won Date\nWeb,soon,2024-01-01\nWeb,2024-01-02,\n',
  'empty-mql.csv': 'Lead Source,Create Date,MQL Date,Won Date\nWeb,2024-01-01,,2024-01-09\nWeb,2024-01-02,,\n',
  'two-mql.csv': EXPORT.split('\r\n').map((line, i) => `${line},${i === 0 ? 'MQL Date' : line.split(',')[2]}`).join('\r\n'),
  'untyped.json': JSON.stringify({ ...MAPPED, sources: [{ ...SOURCE, conversionRates: {} }, OTHER] }),
  'never.csv': 'Lead Source,Create Date,MQL Date,Won Date\nWeb,2024-01-01,2024-01-05,9999-12-31\nWeb,2024-01-02,2099-01-01,2024-02-01\n',
  'foreign.xlsx': 'not a workbook',
  'empty.csv': '',
  'utf16.csv': Buffer.from('\ufeffCreate Date,Won Date\n2024-01-01,\n', 'utf16le'),
  'utf16-nobom.csv': Buffer.from('Create Date,Won Date\n2024-01-01,\n', 'utf16le'),
  'quote.csv': 'Lead Source,Create Date,Won Date\nWeb,"2024-01-01,2024-01-05\n',
  'taken.json': '{"mine": true}',
};

/** A command line that fails; or succeeds with warnings and skipped rows to report (`warns`), or plainly (`ok`). */
type Scenario = readonly [name: string, args: readonly string[], succeeds?: 'warns' | 'ok'];

const SCENARIOS: readonly Scenario[] = [
  ['bad JSON', ['plan', at('bad.json')]],
  ['a JSON array', ['plan', at('array.json')]],
  ['a missing plan file', ['plan', at('nope.json')]],
  ['a plan that is a folder', ['plan', dir]],
  ['a .csv given as a plan', ['plan', at('plan.csv')]],
  ['every kind of field error', ['plan', at('many.json')]],
  ['stages out of order and repeated', ['plan', at('stages.json')]],
  ['one stage', ['plan', at('one-stage.json')]],
  ['no sources', ['plan', at('no-sources.json')]],
  ['shares that do not add up', ['plan', at('sum.json')]],
  ['a count too large', ['plan', at('huge.json')]],
  ['too many digits', ['plan', at('digits.json')]],
  ['--out over a file of another tool', ['plan', at('plan.json'), '--out', at('foreign.xlsx')]],
  ['--out with the wrong extension', ['plan', at('plan.json'), '--out', at('plan.txt')]],
  ['--report over the plan', ['plan', at('plan.json'), '--report', at('plan.json')]],
  ['--json over another JSON', ['template', '--out', at('taken.json')]],
  ['forward: an unknown source', ['forward', at('plan.json'), '--volume', 'partners=10']],
  ['forward: a bad volume', ['forward', at('plan.json'), '--volume', 'marketing=lots']],
  ['forward: a volume without =', ['forward', at('plan.json'), '--volume', 'marketing']],
  ['an unknown language', ['--lang', 'fr', 'plan']],
  ['an unknown option', ['plan', '--frobnicate']],
  ['an option without its value', ['plan', '--out']],
  ['an unknown command', ['plna']],
  ['too many arguments', ['plan', at('plan.json'), at('plan.json')]],
  ['rates: a missing file', ['rates', at('missing.csv')]],
  ['rates: not UTF-8', ['rates', at('gbk.csv')]],
  ['rates: nothing to measure', ['rates', at('header-only.csv')]],
  ['rates: no column recognised', ['rates', at('names.csv')]],
  ['rates: an empty file', ['rates', at('empty.csv')]],
  ['rates: UTF-16 with a byte-order mark', ['rates', at('utf16.csv')]],
  ['rates: UTF-16 without one', ['rates', at('utf16-nobom.csv')]],
  ['rates: a quote never closed', ['rates', at('quote.csv')]],
  ['rates: a bad --as-of', ['rates', at('export.csv'), '--as-of', '2024-13-01']],
  ['rates-from: an empty export', ['plan', at('mapped.json'), '--rates-from', at('empty.csv')]],
  ['rates: ambiguous dates', ['rates', at('ambiguous.csv')]],
  ['rates: unreadable dates', ['rates', at('bad-dates.csv')], 'warns'],
  ['rates: a stage column with no dates', ['rates', at('empty-mql.csv')], 'warns'],
  ['rates: a placeholder and a future date', ['rates', at('never.csv')], 'warns'],
  ['rates: a bad --date-order', ['rates', at('export.csv'), '--date-order', 'ymd']],
  ['rates: stages out of order', ['rates', at('export.csv'), '--stages', 'won,lead']],
  ['rates: a bad --map', ['rates', at('export.csv'), '--map', 'nonsense']],
  ['rates: --map to a missing column', ['rates', at('export.csv'), '--map', 'lead=Nope']],
  ['rates: --out over its input', ['rates', at('export.csv'), '--out', at('export.csv')]],
  ['rates: --sql without --table', ['rates', '--sql', 'duckdb']],
  ['rates-from: unmapped sources', ['plan', at('plan.json'), '--rates-from', at('export.csv')]],
  ['rates-from: an unknown --unmapped-source', ['plan', at('plan.json'), '--rates-from', at('export.csv'), '--unmapped-source', 'nobody']],
  ['rates-from: a missing export', ['plan', at('mapped.json'), '--rates-from', at('missing.csv')]],
  ['rates-from: nothing to measure', ['plan', at('mapped.json'), '--rates-from', at('header-only.csv')]],
  ['rates-from: a stage column with no dates', ['plan', at('mapped.json'), '--rates-from', at('empty-mql.csv'), '--unmapped-source', 'marketing'], 'ok'],
  ['rates-from: a stage in two columns, no rate typed', ['plan', at('untyped.json'), '--rates-from', at('two-mql.csv')]],
  ['rates-from: a stage in two columns, the typed rates kept', ['plan', at('mapped.json'), '--rates-from', at('two-mql.csv')], 'ok'],
  // What succeeds is read too: tables, notes, warnings and "wrote …" lines.
  ['plan: the table and the files written', ['plan', at('plan.json'), '--out', at('out.xlsx'), '--report', at('out.html')], 'ok'],
  ['forward: the what-if table', ['forward', at('plan.json'), '--volume', 'marketing=9000'], 'ok'],
  ['rates: the tables of an export', ['rates', at('export.csv')], 'ok'],
  ['rates-from: the plan and its notes', ['plan', at('mapped.json'), '--rates-from', at('export.csv')], 'ok'],
  ['template: the file written', ['template', '--out', at('fresh.json')], 'ok'],
  ['bonus: the pool, its scenarios, grid and findings', ['bonus', at('pool.json'), '--scenario', 'Downside'], 'ok'],
  ['bonus: a plan without a pool', ['bonus', at('plan.json')]],
  ['bonus: an unknown scenario', ['bonus', at('pool.json'), '--scenario', 'nope']],
  ['bonus: every kind of bonus error', ['bonus', at('bad-pool.json')]],
  ['--help', ['--help'], 'ok'],
  ['plan --help', ['plan', '--help'], 'ok'],
  ['forward --help', ['forward', '--help'], 'ok'],
  ['rates --help', ['rates', '--help'], 'ok'],
  ['template --help', ['template', '--help'], 'ok'],
  ['bonus --help', ['bonus', '--help'], 'ok'],
  ['simulate --help', ['simulate', '--help'], 'ok'],
  ['simulate: the range and the volume for 90 %', ['simulate', '--trials', '300'], 'ok'],
  ['simulate: a bad flag', ['simulate', '--trials', 'many']],
];

/** Words that may stay as they are in Chinese text: product, tools, formats, units, fixed ids. */
const ALLOWED = new Set(
  [
    'Funnel', 'Planner', 'funnel-planner', 'MQL', 'SQL', 'BQL', 'MQLs', 'SQLs', 'CRM', 'CSV', 'JSON', 'xlsx', 'xlsm', 'xls', 'ods', 'html', 'json', 'csv',
    'UTF', 'NUL', 'GBK', 'Latin', 'Wilson', 'DuckDB', 'BigQuery', 'en', 'zh', 'CN', 'TW', 'input', 'export', 'dialect', 'GB18030', 'Big5', 'BOM', 'Excel', 'LibreOffice', 'Google', 'Sheets', 'HubSpot', 'Salesforce', 'id', 'ids', 'USD', 'YYYY', 'MM', 'DD', 'HH', 'SS', 'AM', 'PM',
    'dmy', 'mdy', 'ymd', 'duckdb', 'bigquery', 'true', 'false', 'null', 'NaN', 'Inputs', 'Summary', 'History', 'p90', 'P90',
    'lead', 'mql', 'bql', 'sql', 'opportunity', 'won', 'marketing', 'sales', 'kind', 'total', 'stages', 'sources',
    'plan', 'forward', 'rates', 'template', 'bonus', 'simulate', 'diagnose', 'help', 'README', 'P10', 'P50', 'Beta', 'openpyxl', 'pandas', 'Number', 'MAX_SAFE_INTEGER',
    // Role titles Chinese sales teams write in Latin letters (seed 000: 销售开发代表(SDR), SEO/SEM专员).
    'SDR', 'AE', 'CSM', 'SEO', 'SEM',
  ].map((w) => w.toLowerCase()),
);

/**
 * Words our own English messages are made of: even where a fixture happens to contain them
 * (a header "Became a Lead Date"), they are never let through as the user's words.
 */
const MESSAGE_WORDS = new Set(
  'a an the of to in on at is are be was no not only one and or for with from out by as it its this that empty missing bad order record records export workbook history name names header headers column columns file files row rows line lines sheet sheets expected got value values stage please save try again text'.split(' '),
);

/** Every word the scenario's own files and arguments contain: quoted back, it is the user's, not ours. */
const USER_WORDS = new Set(
  [...Object.values(FILES).map(String), ...SCENARIOS.flatMap((scenario) => [...scenario[1]])]
    .join(' ')
    .match(/[A-Za-z][A-Za-z_]*/g)!
    .map((w) => w.toLowerCase())
    .filter((w) => !MESSAGE_WORDS.has(w)),
);

/** The English words left in a text once quoted material, paths, flags and field paths are taken out. */
function englishWords(text: string): string[] {
  const stripped = text
    .split(dir).join(" ")
    .replace(/\(input\)/g, " ")
    .replace(/"[^"\n]*"|“[^”\n]*”|「[^」\n]*」|'[^'\n]*'|`[^`\n]*`/g, ' ')
    .replace(/<[^>\n]*>|\[[a-z]+\]/g, ' ') // <file.xlsx>, [options]
    .replace(/\b0x[0-9A-F]+\b/gi, ' ') // bytes
    .replace(/\S*=\S*/g, ' ') // forms and assignments: stage=Column, marketing=9000
    .replace(/\S+\.(?:json|csv|xlsx|html|txt)\b/gi, ' ') // file names: my-plan.json
    .replace(/--?[a-z][a-z-]*/gi, ' ')
    .replace(/[\w$]+(?:\[\d+\]|\.[A-Za-z_$][\w$]*)+/g, ' ') // field paths: sources[1].share
    .replace(/\b[a-z]+[A-Z]\w*/g, ' ') // camelCase field names: revenueTarget
  return (stripped.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED.has(w.toLowerCase()) && !USER_WORDS.has(w.toLowerCase()));
}

beforeAll(() => {
  for (const [name, content] of Object.entries(FILES)) writeFileSync(at(name), content);
});

const CASES = SCENARIOS.map(([name, args, succeeds]) => ({ name, args, warns: succeeds === 'warns', ok: succeeds !== undefined }));

describe('every CLI error path speaks the language asked for', () => {
  it.each(CASES)('$name: says so in English', ({ args, warns, ok }) => {
    const r = runCli([...args]);
    if (ok && !warns) {
      expect(r.status).toBe(0);
    } else if (warns) {
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Warnings:|Skipped/);
    } else {
      expect(r.status).not.toBe(0);
      expect(r.stderr.trim()).not.toBe('');
    }
    expect(r.stderr).not.toContain('internal error');
  });

  for (const lang of ['zh-CN', 'zh-TW'] as const) {
    it.each(CASES)(`$name: in ${lang}, no English left`, ({ args, ok }) => {
      const r = runCli(['--lang', lang, ...args]);
      expect(r.status === 0).toBe(ok);
      const output = `${r.stdout}\n${r.stderr}`;
      const lines = output.split('\n').filter((line) => englishWords(line).length > 0);
      expect(lines).toEqual([]);
    });
  }

  it('the checker itself catches an English fragment', () => {
    expect(englishWords('revenueTarget: 应为大于 0 的数字，实际为 a list of 0')).toEqual(['list', 'of']);
    expect(englishWords('sources[1].share：实际为 "Paid Search"，见 --map')).toEqual([]);
  });
});
