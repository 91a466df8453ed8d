import { recognizeColumns } from '../../../src/core/history/recognizeColumns';
import { HUBSPOT_MAPPING } from '../../support/hubspot';

function ok(header: string[], options?: Parameters<typeof recognizeColumns>[1]) {
  const r = recognizeColumns(header, options);
  if (!r.ok) throw new Error(r.message);
  return r;
}
function message(header: string[], options?: Parameters<typeof recognizeColumns>[1]): string {
  const r = recognizeColumns(header, options);
  if (r.ok) throw new Error('expected an error');
  return r.message;
}

describe('recognizeColumns: CRM exports out of the box', () => {
  it('HubSpot contacts: lifecycle dates beat Create Date; Original Source', () => {
    const r = ok([
      'Record ID', 'Create Date', 'Original Source', 'Original Source Type', 'Lead Source',
      'Became a Lead Date', 'Became a Marketing Qualified Lead Date', 'Became a Sales Qualified Lead Date',
      'Became an Opportunity Date', 'Became a Customer Date',
    ]);
    expect(r.mapping).toEqual(HUBSPOT_MAPPING);
    expect(r.recognized.map((x) => x.stage)).toEqual(['lead', 'mql', 'sql', 'opportunity', 'won']);
  });

  it('source falls back to Lead Source, then Source; Original Source Type alone is not a source', () => {
    expect(ok(['Lead Source', 'Source', 'Create Date', 'Won Date']).mapping.sourceColumn).toBe('Lead Source');
    expect(ok(['Source', 'Create Date', 'Won Date']).mapping.sourceColumn).toBe('Source');
    expect(ok(['Original Source Type', 'Create Date', 'Won Date']).mapping.sourceColumn).toBeUndefined();
  });

  it('HubSpot internal property names', () => {
    const r = ok(['hs_analytics_source', 'hs_lifecyclestage_lead_date', 'hs_lifecyclestage_customer_date']);
    expect(r.mapping.stageColumns).toEqual({ lead: 'hs_lifecyclestage_lead_date', won: 'hs_lifecyclestage_customer_date' });
    expect(r.mapping.sourceColumn).toBe('hs_analytics_source');
  });

  it('Salesforce report columns', () => {
    const r = ok(['Lead ID', 'Lead Source', 'Create Date', 'MQL Date', 'SQL Date', 'Converted Date', 'Closed Won Date']);
    expect(r.mapping).toEqual({
      stages: ['lead', 'mql', 'sql', 'opportunity', 'won'],
      stageColumns: { lead: 'Create Date', mql: 'MQL Date', sql: 'SQL Date', opportunity: 'Converted Date', won: 'Closed Won Date' },
      sourceColumn: 'Lead Source',
    });
    expect(ok(['Created Date', 'Won Date']).mapping.stageColumns).toEqual({ lead: 'Created Date', won: 'Won Date' });
  });

  it('Chinese CRM headers, with a BQL stage placed between MQL and SQL', () => {
    const r = ok(['客户名称', '线索来源', '线索创建时间', '成为MQL时间', '成为BQL时间', '成为SQL时间', '成为商机时间', '成交时间']);
    expect(r.mapping).toEqual({
      stages: ['lead', 'mql', 'bql', 'sql', 'opportunity', 'won'],
      stageColumns: {
        lead: '线索创建时间', mql: '成为MQL时间', bql: '成为BQL时间', sql: '成为SQL时间', opportunity: '成为商机时间', won: '成交时间',
      },
      sourceColumn: '线索来源',
    });
  });

  it('traditional Chinese CRM headers (zh-TW exports)', () => {
    const r = ok(['客戶名稱', '線索來源', '線索創建時間', '成為MQL時間', '成為SQL時間', '成為商機時間', '成交時間']);
    expect(r.mapping).toEqual({
      stages: ['lead', 'mql', 'sql', 'opportunity', 'won'],
      stageColumns: { lead: '線索創建時間', mql: '成為MQL時間', sql: '成為SQL時間', opportunity: '成為商機時間', won: '成交時間' },
      sourceColumn: '線索來源',
    });
  });

  it.each([
    [['建立時間', 'MQL時間', 'SQL時間', '商機建立時間', '贏單時間', '管道'], '管道'],
    [['創建時間', '成為客戶時間', '來源'], '來源'],
    [['创建时间', 'MQL时间', 'SQL时间', '商机创建时间', '赢单时间', '渠道'], '渠道'],
    [['创建时间', '成为客户时间', '来源'], '来源'],
  ])('Chinese alternatives %j', (header, source) => {
    const r = ok(header);
    expect(Object.values(r.mapping.stageColumns)).toEqual(header.slice(0, -1));
    expect(r.mapping.sourceColumn).toBe(source);
    expect(r.mapping.stages).not.toContain('bql');
  });

  it('English BQL columns add the bql stage; given stages leave it out', () => {
    expect(ok(['Create Date', 'BQL Date', 'Won Date']).mapping.stages).toEqual(['lead', 'mql', 'bql', 'sql', 'opportunity', 'won']);
    expect(ok(['Create Date', 'Became a BQL Date', 'Won Date']).mapping.stageColumns.bql).toBe('Became a BQL Date');
    const given = ok(['Create Date', 'BQL Date', 'Won Date'], { stages: ['lead', 'sql', 'won'] });
    expect(given.mapping).toEqual({ stages: ['lead', 'sql', 'won'], stageColumns: { lead: 'Create Date', won: 'Won Date' } });
  });

  it('ignores case, spacing, full-width forms and a BOM; keeps the header as written', () => {
    const r = ok(['\uFEFF  became a LEAD   date ', 'ＭＱＬ Date', 'LeadSource', 'CLOSED WON DATE']);
    expect(r.mapping.stageColumns).toEqual({ lead: '  became a LEAD   date ', mql: 'ＭＱＬ Date', won: 'CLOSED WON DATE' });
    expect(r.mapping.sourceColumn).toBe('LeadSource');
  });

  it('a BOM on the first header does not hide it', () => {
    expect(ok(['\uFEFFBecame a Lead Date', 'Became a Customer Date']).mapping.stageColumns.lead).toBe('Became a Lead Date');
  });
});

describe('recognizeColumns: overrides', () => {
  it('--map and --source-column win over recognition', () => {
    const r = ok(['Email', 'Created', 'Channel', 'Create Date', 'Closed', 'Original Source'], {
      stageColumns: { lead: 'Created', won: 'closed' },
      sourceColumn: 'Channel',
    });
    expect(r.mapping).toEqual({
      stages: ['lead', 'mql', 'sql', 'opportunity', 'won'],
      stageColumns: { lead: 'Created', won: 'Closed' },
      sourceColumn: 'Channel',
    });
  });

  it('a column an override took is not recognised again for another stage', () => {
    const r = ok(['Created Date', 'Closed Won Date'], { stageColumns: { opportunity: 'Created Date' } });
    expect(r.mapping.stageColumns).toEqual({ opportunity: 'Created Date', won: 'Closed Won Date' });
  });

  it('--map bql adds the bql stage', () => {
    expect(ok(['Create Date', 'Qualified', 'Won Date'], { stageColumns: { bql: 'Qualified' } }).mapping.stages).toContain('bql');
  });

  it('an override naming a missing column is an error naming it and listing the headers', () => {
    const m = message(['Email', 'Create Date', 'Won Date'], { stageColumns: { lead: 'Created' } });
    expect(m).toBe('the column "Created" given for stage lead is not in the file. Its columns are: "Email", "Create Date", "Won Date"');
    const s = message(['Email', 'Create Date', 'Won Date'], { sourceColumn: 'Channel' });
    expect(s).toContain('"Channel"');
    expect(s).toContain('"Email", "Create Date", "Won Date"');
  });

  it('an override for a stage not in the list is an error', () => {
    expect(message(['Create Date', 'Won Date'], { stageColumns: { demo: 'Create Date' } })).toContain('stage "demo" was given a column, but it is not one of the stages');
  });

  it('custom stages map through overrides', () => {
    const r = ok(['Created', 'Demo', 'Signed'], {
      stages: ['lead', 'demo', 'won'],
      stageColumns: { lead: 'Created', demo: 'Demo', won: 'Signed' },
    });
    expect(r.mapping.stageColumns).toEqual({ lead: 'Created', demo: 'Demo', won: 'Signed' });
  });
});

describe('recognizeColumns: not enough columns', () => {
  it('no stage columns: lists the headers it found, asks for a mapping, and names no CLI flag (core speaks to Sheets too)', () => {
    const m = message(['Email', 'Created', 'Closed']);
    expect(m).toContain('"Email", "Created", "Closed"');
    expect(recognizeColumns(['Email', 'Created', 'Closed'])).toMatchObject({ ok: false, needsMapping: true });
    for (const header of [['Email', 'Created'], ['Create Date', 'MQL Date'], ['Won Date'], ['Created', 'Won Date']]) {
      for (const lang of ['en', 'zh-CN', 'zh-TW'] as const) {
        for (const stageColumns of [undefined, { lead: 'Nope' }, { demo: 'Won Date' }] as (Record<string, string> | undefined)[]) {
          const r = recognizeColumns(header, { lang, ...(stageColumns ? { stageColumns } : {}) });
          if (!r.ok) expect([header, lang, r.message]).not.toEqual([header, lang, expect.stringMatching(/--[a-z]/)]);
        }
      }
    }
  });

  it('speaks the caller\'s language', () => {
    const zh = recognizeColumns(['Email', 'Created'], { lang: 'zh-TW' });
    expect(zh).toMatchObject({ ok: false, message: expect.stringContaining('沒有識別出任何階段日期欄') });
  });

  it('the won stage needs a column', () => {
    expect(message(['Create Date', 'MQL Date'])).toMatch(/won stage "won"/);
  });

  it('the won stage alone is not enough', () => {
    expect(message(['Email', 'Closed Won Date'])).toMatch(/Only the won stage/);
  });

  it('a long header list is cut short', () => {
    const header = Array.from({ length: 200 }, (_, i) => `Column ${i}`);
    const m = message(header);
    expect(m).toContain('and 140 more');
    expect(m.length).toBeLessThan(1500);
  });

  it('returns a stage found in two columns as data (the column read first), not only as a warning; a column the caller named is not ambiguous', () => {
    const header = ['Lead Date', 'Became a Marketing Qualified Lead Date', 'MQL Date', 'Won Date'];
    const r = ok(header);
    expect(r.ambiguous).toEqual([{ stage: 'mql', columns: [r.mapping.stageColumns.mql, ...['Became a Marketing Qualified Lead Date', 'MQL Date'].filter((c) => c !== r.mapping.stageColumns.mql)] }]);
    expect(r.warnings).toHaveLength(1);
    expect(ok(header, { stageColumns: { mql: 'MQL Date' } }).ambiguous).toEqual([]);
    expect(ok(['Lead Date', 'MQL Date', 'Won Date']).ambiguous).toEqual([]);
  });

  it('refuses a stage list that is too short or repeats', () => {
    expect(message(['Create Date', 'Won Date'], { stages: ['won'] })).toContain('at least two');
    expect(message(['Create Date', 'Won Date'], { stages: ['lead', 'lead', 'won'] })).toContain('twice');
  });
});
