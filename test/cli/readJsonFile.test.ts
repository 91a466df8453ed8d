/** Plan files in the encodings Windows editors save: UTF-16 with a BOM is read; anything else that is not UTF-8 is refused by line. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePlanText } from '../../src/cli/readJsonFile';
import { runCli } from './runCli';

const dir = mkdtempSync(join(tmpdir(), 'fp-json-'));
const PLAN = JSON.stringify(
  {
    revenueTarget: 1_000_000,
    sources: [{ id: '市场部', kind: 'marketing', share: 1, avgDealSize: 10_000, conversionRates: { lead: 0.5, mql: 0.5, sql: 0.5, opportunity: 0.5 } }],
  },
  null,
  2,
);

function plan(name: string, bytes: Buffer) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return runCli(['plan', path, '--json']);
}

describe('plan files that are not plain UTF-8', () => {
  const utf8 = plan('utf8.json', Buffer.from(PLAN));

  it('reads UTF-16 LE and BE with a byte-order mark (Notepad\'s "Unicode") as the same plan', () => {
    expect(utf8.status).toBe(0);
    // 1,000,000 / 10,000 = 100 won, then × 2 per stage: 200 opp, 400 SQL, 800 MQL, 1,600 leads.
    expect(JSON.parse(utf8.stdout).funnel.bySource['市场部'].counts).toMatchObject({ lead: 1600, won: 100 });
    const le = plan('utf16le.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAN, 'utf16le')]));
    expect(le.stderr).toBe('');
    expect(le.stdout).toBe(utf8.stdout);
    const be = plan('utf16be.json', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(PLAN, 'utf16le').swap16()]));
    expect(be.stdout).toBe(utf8.stdout);
  });

  it('refuses UTF-16 without a byte-order mark', () => {
    const r = plan('utf16-nobom.json', Buffer.from(PLAN, 'utf16le'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('utf16-nobom.json is UTF-16 text without a byte-order mark: save it as UTF-8');
  });

  it('refuses GBK or Latin-1 text, naming the line, rather than reading a mangled source name', () => {
    const gbk = Buffer.concat([Buffer.from(PLAN.slice(0, PLAN.indexOf('市场部'))), Buffer.from([0xca, 0xd0, 0xb3, 0xa1, 0xb2, 0xbf]), Buffer.from(PLAN.slice(PLAN.indexOf('市场部') + 3))]);
    const r = plan('gbk.json', gbk);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('gbk.json is not UTF-8 text at line 5: save it as UTF-8');
  });

  it('decodePlanText: a UTF-8 BOM is left for the JSON reader to drop; valid UTF-8 passes as it is', () => {
    expect(decodePlanText(Buffer.from('\uFEFF{}'), 'x.json')).toBe('\uFEFF{}');
    expect(decodePlanText(Buffer.from('{"a":"é"}'), 'x.json')).toBe('{"a":"é"}');
    expect(() => decodePlanText(Buffer.from([0x7b, 0x0a, 0x0a, 0xe9, 0x7d]), 'x.json')).toThrow('x.json is not UTF-8 text at line 3');
  });
});
