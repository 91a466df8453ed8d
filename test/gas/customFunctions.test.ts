import { funnelForward, funnelReverse } from '../../src/gas/customFunctions';

describe('=FUNNEL_REVERSE', () => {
  it("the seed's example, rates as a column", () => {
    expect(funnelReverse(10_000_000, 0.4, 25_000, [[0.25], [0.4], [0.5], [0.25]])).toEqual([
      ['Leads', 12_800],
      ['MQLs', 3_200],
      ['SQLs', 1_280],
      ['Opportunities', 640],
      ['Won deals', 160],
    ]);
  });

  it('accepts a row, text numbers and trailing blank cells; five rates mean a bql stage', () => {
    expect(funnelReverse('1000万', '40%', '$25,000', [['25%', '40%', '50%', '25%', '', '']])[0]).toEqual(['Leads', 12_800]);
    const withBql = funnelReverse(10_000_000, 1, 50_000, [[0.2, 0.5, 0.6, 0.5, 0.3]]);
    expect(withBql.map((r) => r[0])).toEqual(['Leads', 'MQLs', 'BQLs', 'SQLs', 'Opportunities', 'Won deals']);
    expect(withBql[0][1]).toBe(22_240);
  });

  it('is exact for decimal rates: 57 won at 57% needs 100 opportunities', () => {
    expect(funnelReverse(1_425_000, 1, 25_000, [[0.57]])).toEqual([
      ['Stage 1', 100],
      ['Won deals', 57],
    ]);
  });

  it('returns readable errors in the cell, never throws', () => {
    expect(funnelReverse(10_000_000, 1.4, 25_000, [[0.25]])).toEqual([['#FUNNEL: share: expected a share from 0 to 1 (e.g. 0.4 or "40%"), got 1.4']]);
    expect(funnelReverse('', 0.4, 0, [['x']])[0][0]).toBe(
      '#FUNNEL: revenue: is required but missing; dealSize: expected a number greater than 0, got 0; rates[1]: expected a number (such as 1200000, "1,200,000", "$1.2M", "120万" or "25%"), got "x"',
    );
    expect(funnelReverse(1, 1, 1, [['', '']])[0][0]).toBe('#FUNNEL: rates: expected at least one entry, got an empty list');
    expect(funnelReverse(1e15, 1, 1, [[1e-9, 1e-9]])[0][0]).toMatch(/^#FUNNEL: rates: the Stage 1 count \(\d+\) would exceed 9007199254740991/);
  });

  it('refuses a count a cell cannot hold: more than 15 significant digits', () => {
    // By hand: 123,456,789,012,345 won / 0.11 = 1,122,334,445,566,772.7…, up to …773.
    expect(funnelReverse(123_456_789_012_345, 1, 1, [[0.11]])[0][0]).toBe(
      '#FUNNEL: rates: the Stage 1 count (1122334445566773) would have more than 15 significant digits, which a spreadsheet cannot hold exactly (it would change the last digits), from a list of 1',
    );
    // A spreadsheet's =1/3 is 1/3: 1,000 won need 3,000 and 9,000, not 3,001 and 9,004.
    expect(funnelReverse(1_000_000, 1, 1_000, [[1 / 3], [1 / 3]]).map((r) => r[1])).toEqual([9_000, 3_000, 1_000]);
  });
});

describe('custom functions in a Chinese spreadsheet', () => {
  it('label stages and explain errors in Chinese', () => {
    expect(funnelReverse(10_000_000, 0.4, 25_000, [[0.25], [0.4], [0.5], [0.25]], 'zh-CN').map((r) => r[0])).toEqual([
      '线索',
      '市场认可线索 (MQL)',
      '销售认可线索 (SQL)',
      '商机',
      '成单客户',
    ]);
    expect(funnelForward(9000, 25_000, [[0.5]], 'zh-CN').at(-1)).toEqual(['营收', 112_500_000]);
    expect(funnelReverse(10_000_000, 1.4, 25_000, [[0.25]], 'zh-CN')).toEqual([['#FUNNEL: share: 占比应在 0 到 1 之间（如 0.4 或 "40%"），实际为 1.4']]);
  });

  it('a zh_TW or zh_HK sheet gets traditional labels and messages', () => {
    expect(funnelReverse(10_000_000, 0.4, 25_000, [[0.25], [0.4], [0.5], [0.25]], 'zh-TW')).toEqual([
      ['線索', 12_800],
      ['市場認可線索 (MQL)', 3_200],
      ['銷售認可線索 (SQL)', 1_280],
      ['商機', 640],
      ['成交客戶', 160],
    ]);
    expect(funnelReverse('1.2億', 1, '10萬', [[0.5]], 'zh-TW')).toEqual([['階段 1', 2_400], ['成交客戶', 1_200]]);
    expect(funnelForward(9000, 25_000, [[0.5]], 'zh-TW').at(-1)).toEqual(['營收', 112_500_000]);
    expect(funnelReverse(10_000_000, 1.4, 25_000, [[0.25]], 'zh-TW')).toEqual([['#FUNNEL: share: 佔比應在 0 到 1 之間（如 0.4 或 "40%"），實際為 1.4']]);
    expect(funnelReverse(1e15, 1, 1, [[1e-9, 1e-9]], 'zh-TW')[0][0]).toMatch(/^#FUNNEL: rates: 階段 1數量（\d+）將超過 9007199254740991/);
  });
});

describe('=FUNNEL_FORWARD', () => {
  it('9,000 leads: 112.5 expected deals, 2,812,500 revenue', () => {
    expect(funnelForward(9000, 25_000, [[0.25], [0.4], [0.5], [0.25]])).toEqual([
      ['Leads', 9000],
      ['MQLs', 2250],
      ['SQLs', 900],
      ['Opportunities', 450],
      ['Won deals', 112.5],
      ['Revenue', 2_812_500],
    ]);
  });

  it('names a bad volume', () => {
    expect(funnelForward(-1, 25_000, [[0.5]])).toEqual([['#FUNNEL: volume: expected a number of 0 or more, got -1']]);
  });
});
