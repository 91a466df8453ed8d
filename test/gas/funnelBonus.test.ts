/** =FUNNEL_BONUS: a payout curve's multiplier at an attainment, the curve a two-column range read as the plan's bonus reads one. */
import { readCurve } from '../../src/core/bonus/readBonus';
import { FieldError, formatFieldError } from '../../src/core/fieldError';
import { funnelBonus } from '../../src/gas/customFunctions';

/** Threshold at 50 % paying 0.5, 1 on plan, then twice as steep to the cap of 2 at 150 % (an accelerator). */
const ACCELERATOR = [
  [0.5, 0.5],
  [1, 1],
  [1.5, 2],
];

describe('=FUNNEL_BONUS', () => {
  it('pays nothing below the first point and its multiplier at it: the threshold edge', () => {
    expect(funnelBonus(0.4999, ACCELERATOR)).toBe(0);
    expect(funnelBonus(0.5, ACCELERATOR)).toBe(0.5);
    expect(funnelBonus('50%', ACCELERATOR)).toBe(0.5);
  });

  it('is linear between points, the steeper segment above plan an accelerator', () => {
    // 0.5 + (0.75 − 0.5) × (1 − 0.5) / (1 − 0.5) = 0.75; 1 + (1.25 − 1) × (2 − 1) / (1.5 − 1) = 1.5.
    expect(funnelBonus(0.75, ACCELERATOR)).toBe(0.75);
    expect(funnelBonus(1, ACCELERATOR)).toBe(1);
    expect(funnelBonus('125%', ACCELERATOR)).toBe(1.5);
    expect(funnelBonus(1.4, ACCELERATOR)).toBeCloseTo(1.8, 12);
  });

  it('holds the last multiplier beyond the cap', () => {
    expect(funnelBonus(1.5, ACCELERATOR)).toBe(2);
    expect(funnelBonus(3, ACCELERATOR)).toBe(2);
  });

  it('stepped: the multiplier of the highest point at or below the attainment', () => {
    expect(funnelBonus(0.4999, ACCELERATOR, true)).toBe(0);
    expect(funnelBonus(0.99, ACCELERATOR, true)).toBe(0.5);
    expect(funnelBonus(1.25, ACCELERATOR, true)).toBe(1);
    expect(funnelBonus(1.5, ACCELERATOR, true)).toBe(2);
    expect(funnelBonus(1.25, ACCELERATOR, false)).toBe(1.5);
    expect(funnelBonus(1.25, ACCELERATOR, '')).toBe(1.5);
  });

  it('ignores blank rows of the range, and reads text numbers as the plan does', () => {
    expect(funnelBonus(1.25, [['50%', '0.5'], ['', ''], [1, 1], [null, null], ['150%', 2], ['', '']])).toBe(1.5);
  });

  it('gives a range of multipliers for a range of attainments, blank cells blank', () => {
    expect(funnelBonus([[0.4], [0.75], [''], [1.25], [2]], ACCELERATOR)).toEqual([[0], [0.75], [''], [1.5], [2]]);
  });

  it("names a bad point by its cell in the range (rows and columns from 1, blank rows counted), with core's own message", () => {
    const coreMessage = (raw: unknown, lang: 'en' | 'zh-CN' = 'en') => {
      const errors: FieldError[] = [];
      readCurve(raw, 'curve', errors);
      return errors.map((e) => formatFieldError(e, lang).replace(/^[^:]*: /, ''));
    };
    const outOfOrder = [[1, 1], ['', ''], [0.8, 0.5]];
    expect(funnelBonus(1, outOfOrder)).toBe(`#FUNNEL: curve[3][1]: ${coreMessage([[1, 1], [0.8, 0.5]])[0]}`);
    expect(funnelBonus(1, outOfOrder)).toBe("#FUNNEL: curve[3][1]: expected an attainment above the previous point's 1: list a curve's points from the lowest attainment up, each once, got 0.8");
    expect(funnelBonus(1, [[0.8, -0.5]])).toBe('#FUNNEL: curve[1][2]: expected a number of 0 or more, got -0.5');
    expect(funnelBonus(1, outOfOrder, undefined, 'zh-CN')).toBe(`#FUNNEL: curve[3][1]: ${coreMessage([[1, 1], [0.8, 0.5]], 'zh-CN')[0]}`);
  });

  it('says how to lay out a curve that is not two columns, in the sheet\'s language', () => {
    expect(funnelBonus(1, [[0.5, 0.5, 1]])).toMatch(/^#FUNNEL: curve\[1\]: expected a point as \[attainment, multiplier\].* Give the curve as two columns, attainment and multiplier/);
    expect(funnelBonus(1, [['', '']])).toMatch(/^#FUNNEL: curve: expected at least one entry.* Give the curve as two columns/);
    expect(funnelBonus(1, [['', '']], undefined, 'zh-TW')).toContain('曲線請寫成兩欄');
  });

  it('names a bad attainment or stepped flag', () => {
    expect(funnelBonus(-0.1, ACCELERATOR)).toBe('#FUNNEL: attainment: expected a number of 0 or more, got -0.1');
    expect(funnelBonus('', ACCELERATOR)).toMatch(/^#FUNNEL: attainment: /);
    expect(funnelBonus(1, ACCELERATOR, 'yes')).toBe('#FUNNEL: stepped: expected true or false, got "yes"');
    expect(funnelBonus([[1], ['x']], ACCELERATOR)).toEqual([[1], [expect.stringMatching(/^#FUNNEL: attainment: /)]]);
  });
});
