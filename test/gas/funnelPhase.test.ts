/** =FUNNEL_PHASE: a total split by weights with largest remainder, in the weights' orientation. */
import { funnelPhase } from '../../src/gas/funnelPhase';

describe('FUNNEL_PHASE', () => {
  test('10 over three equal months is 4, 3, 3 — not 3, 3, 3 as =ROUND(10/3) per cell gives', () => {
    expect(funnelPhase(10, [[1, 1, 1]])).toEqual([[4, 3, 3]]);
  });

  test('a column of weights comes back as a column; blanks are 0 weight', () => {
    expect(funnelPhase(10, [[1], [''], [1]])).toEqual([[5], [0], [5]]);
  });

  test('a Q4-heavy year: 100 deals by 1 … 1, 2, 3, 4', () => {
    // Σw = 18: quotas 5.56 (×9), 11.11, 16.67, 22.22 → floors 94; 6 left go to the 11th month (0.67), then the first five (0.56).
    expect(funnelPhase(100, [[1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4]])).toEqual([[6, 6, 6, 6, 6, 5, 5, 5, 5, 11, 17, 22]]);
  });

  test('a lag moves the split earlier: one carry-in month first, nothing in the last', () => {
    expect(funnelPhase(10, [[1, 1, 1]], 1)).toEqual([[4, 3, 3, 0]]);
    expect(funnelPhase(10, [[1, 1, 1]], 2)).toEqual([[4, 3, 3, 0, 0]]);
  });

  test('a total of 0 is zeros', () => {
    expect(funnelPhase(0, [[0, 0]])).toEqual([[0, 0]]);
  });

  test('bad input says which argument, the value and what is expected, in the sheet\'s language', () => {
    expect(funnelPhase(10.5, [[1]])[0][0]).toMatch(/^#FUNNEL: total: /);
    expect(funnelPhase(10, [[0, 0]])[0][0]).toContain('#FUNNEL: weights: expected at least one month with a weight above 0');
    expect(funnelPhase(10, [[1, -1]])[0][0]).toMatch(/^#FUNNEL: weights\[2\]: /);
    expect(funnelPhase(10, [[1]], 1.5)[0][0]).toMatch(/^#FUNNEL: lag_months: /);
    expect(funnelPhase(10, [['']])[0][0]).toMatch(/^#FUNNEL: weights: /);
    expect(funnelPhase(10, [[0, 0]], undefined, 'zh-TW')[0][0]).toMatch(/^#FUNNEL: weights: /);
    expect(funnelPhase(10, [[0, 0]], undefined, 'zh-TW')[0][0]).not.toMatch(/expected/);
  });
});
