/** The plan's months: every source and stage aligned from the first carry-in month to FY month 11. */
import fc from 'fast-check';
import { fraction } from '../../../src/core/fraction';
import { seriesTotal } from '../../../src/core/time/monthSeries';
import { EVEN_SEASONALITY } from '../../../src/core/time/phasing';
import { phasePlan } from '../../../src/core/time/planMonths';

const f = (n: number) => fraction(BigInt(n));

describe('phasePlan', () => {
  test('SQLs one month before the win: a carry-in December, next January\'s deal in this December', () => {
    const plan = phasePlan(
      ['sql', 'opportunity', 'won'],
      [{ id: 's', counts: { sql: 12, opportunity: 12, won: 12 }, nextYearCounts: { sql: 12, opportunity: 12, won: 12 }, lags: { sql: [f(0), f(1)] } }],
      { start: { year: 2027, month: 1 }, seasonality: EVEN_SEASONALITY },
    );
    expect(plan.first).toBe(-1);
    expect(plan.months[0]).toBe('2026-12');
    expect(plan.months[12]).toBe('2027-12');
    expect(plan.months).toHaveLength(13);
    const sql = plan.bySource.s.sql;
    expect(sql.thisYear.values).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(sql.nextYear.values).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    // Opportunities have no lag: they follow the won months, none before the FY.
    expect(plan.bySource.s.opportunity.thisYear.values).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  test('the totals are the month-by-month sums of the sources', () => {
    const plan = phasePlan(
      ['lead', 'won'],
      [
        { id: 'a', counts: { lead: 100, won: 10 }, nextYearCounts: { lead: 100, won: 10 }, lags: { lead: [f(0), f(0), f(1)] } },
        { id: 'b', counts: { lead: 7, won: 7 }, nextYearCounts: { lead: 0, won: 0 }, lags: {} },
      ],
      { start: { year: 2027, month: 4 }, seasonality: EVEN_SEASONALITY },
    );
    expect(plan.first).toBe(-2);
    plan.total.lead.thisYear.values.forEach((v, i) => expect(v).toBe(plan.bySource.a.lead.thisYear.values[i] + plan.bySource.b.lead.thisYear.values[i]));
    expect(seriesTotal(plan.total.lead.thisYear)).toBe(107);
    expect(seriesTotal(plan.total.won.thisYear)).toBe(17);
  });

  test('property: each source\'s this-year months sum to its annual counts, and next year\'s stay inside the FY', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ won: fc.integer({ min: 1, max: 500 }), mult: fc.integer({ min: 1, max: 20 }), lag: fc.nat({ max: 6 }) }),
          { minLength: 1, maxLength: 6 },
        ),
        (rows) => {
          const plan = phasePlan(
            ['lead', 'won'],
            rows.map((r, i) => ({
              id: `s${i}`,
              counts: { lead: r.won * r.mult, won: r.won },
              nextYearCounts: { lead: r.won * r.mult, won: r.won },
              lags: { lead: [...Array(r.lag).fill(f(0)), f(1)] },
            })),
            { start: { year: 2027, month: 1 }, seasonality: EVEN_SEASONALITY },
          );
          rows.forEach((r, i) => {
            expect(seriesTotal(plan.bySource[`s${i}`].lead.thisYear)).toBe(r.won * r.mult);
            expect(plan.bySource[`s${i}`].lead.nextYear.values.length).toBe(plan.months.length);
          });
          expect(plan.first).toBe(0 - Math.max(...rows.map((r) => r.lag)) || 0);
        },
      ),
    );
  });
});
