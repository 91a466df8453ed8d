// What the sidebar's form sends back for what it showed (src/gas/sidebar/formValue.ts): untouched is the plan's own value.
import {
  fieldValue,
  holidaysList,
  holidaysText,
  keyedValue,
  newChannelId,
  put,
  rampList,
  seasonalityMode,
} from '../../src/gas/sidebar/formValue';
import fc from 'fast-check';
import type { FieldError } from '../../src/core/fieldError';
import { readExact } from '../../src/core/input/readExact';
import { rampText, rangeText } from '../../src/gas/sidebar/numberText';
import { rangeParts } from '../../src/core/input/rangeParts';

const percent = (v: unknown) => (typeof v === 'number' ? `${v * 100}%` : typeof v === 'string' ? v : '');

describe('fieldValue', () => {
  it('sends the plan\'s own value while the text reads as shown, whatever its type', () => {
    expect(fieldValue(0.25, '25%', '25%', false)).toBe(0.25);
    expect(fieldValue('120万', '120万', '120万', false)).toBe('120万');
    expect(fieldValue(['not', 'a number'], '', '', false)).toEqual(['not', 'a number']);
    expect(fieldValue(undefined, '', '', true)).toBeUndefined();
  });

  it('sends the typed text once edited; blank is nothing for an optional field and "" for a required one', () => {
    expect(fieldValue(0.25, '25%', '30%', false)).toBe('30%');
    expect(fieldValue(14, '14', ' ', true)).toBeUndefined();
    expect(fieldValue(0.25, '25%', '', false)).toBe('');
  });
});

describe('put', () => {
  it('sets a value in place and removes the key for undefined', () => {
    const target: Record<string, unknown> = { a: 1, b: 2, c: 3 };
    put(target, 'b', 'x');
    put(target, 'c', undefined);
    put(target, 'd', undefined);
    expect(target).toEqual({ a: 1, b: 'x' });
    expect(Object.keys(target)).toEqual(['a', 'b']);
  });
});

describe('keyedValue (rates and stage days by stage)', () => {
  const rates = { lead: 0.25, mql: 0.4, sql: 0.5 };
  const shownOf = (original: Record<string, unknown>) => (stage: string) => percent(original[stage]);

  it('is the plan\'s own object, untouched, when nothing was typed or only what was shown was typed again', () => {
    expect(keyedValue(rates, ['lead', 'mql'], shownOf(rates), new Map(), true)).toBe(rates);
    expect(keyedValue(rates, ['lead', 'mql'], shownOf(rates), new Map([['mql', '40%']]), true)).toBe(rates);
    const malformed = 'lots';
    expect(keyedValue(malformed, ['lead'], () => '', new Map(), true)).toBe(malformed);
    expect(keyedValue(undefined, ['lead'], () => '', new Map(), false)).toBeUndefined();
  });

  it('once edited, keeps every stage the plan had (shown or not) and adds the shown ones it lacked', () => {
    expect(keyedValue(rates, ['mql', 'sql', 'opportunity'], shownOf(rates), new Map([['opportunity', '25%']]), true)).toEqual({
      lead: 0.25,
      mql: 0.4,
      sql: 0.5,
      opportunity: '25%',
    });
  });

  it('sends "" for a required stage shown blank, so the validator names its field; optional blanks go away', () => {
    expect(keyedValue(undefined, ['lead', 'mql'], () => '', new Map([['lead', '25%']]), true)).toEqual({ lead: '25%', mql: '' });
    const days = { sql: 14, opportunity: 30 };
    expect(keyedValue(days, ['sql', 'opportunity'], (s) => String(days[s as keyof typeof days]), new Map([['sql', '']]), false)).toEqual({ opportunity: 30 });
    expect(keyedValue(undefined, ['sql'], () => '', new Map([['sql', '']]), false)).toBeUndefined();
    expect(keyedValue({ sql: 14 }, ['sql'], () => '14', new Map([['sql', '']]), false)).toEqual({});
  });
});

describe('seasonalityMode', () => {
  it('reads absent and "even" as even, "history" in any case, and anything else as weights for the validator to judge', () => {
    expect([undefined, null, '', 'even', ' Even '].map(seasonalityMode)).toEqual(['even', 'even', 'even', 'even', 'even']);
    expect(seasonalityMode(' History ')).toBe('history');
    expect(seasonalityMode(Array(12).fill(1))).toBe('custom');
    expect(seasonalityMode([1, 2])).toBe('custom');
    expect(seasonalityMode(5)).toBe('custom');
  });
});

describe('holidays', () => {
  it('shows the list as the Inputs sheet writes it, and reads typed text back the way the sheet reader splits it', () => {
    expect(holidaysText(['2027-01-01', '2027-12-25'])).toBe('2027-01-01, 2027-12-25');
    expect(holidaysText('2027-01-01')).toBe('2027-01-01');
    expect(holidaysText(undefined)).toBe('');
    expect(holidaysList('2027-01-01, 2027-12-25')).toEqual(['2027-01-01', '2027-12-25']);
    expect(holidaysList(' 2027-01-01;2027-05-01  2027-12-25 ')).toEqual(['2027-01-01', '2027-05-01', '2027-12-25']);
    expect(holidaysList(' , ')).toBeUndefined();
  });
});

describe('newChannelId', () => {
  it('is the source id and the first number no channel of the plan uses', () => {
    expect(newChannelId('marketing', [])).toBe('marketing-1');
    expect(newChannelId('marketing', ['marketing-1', 'marketing-3', 'events'])).toBe('marketing-2');
  });
});

describe('a role\'s ramp as one line of text', () => {
  const NONE = ['none', '无', '無'];

  it('shows each month as a percentage, the start month first; no ramp as the word for none', () => {
    expect(rampText([0.25, 0.5, 0.75], 'none')).toBe('25%, 50%, 75%');
    expect(rampText([0, 0.15, 0.3], '无')).toBe('0%, 15%, 30%');
    expect(rampText([1 / 3], 'none')).toBe(String(1 / 3)); // "%" cannot carry a third exactly
    expect(rampText([], '無')).toBe('無');
    expect(rampText(['25%', 0.5], 'none')).toBe('25%, 50%'); // text from the sheet as typed
    expect(rampText(undefined, 'none')).toBe('');
    expect(rampText(0.5, 'none')).toBe(''); // not a list: blank, and goes back untouched
  });

  it('reads typed text as the entries core reads, split as the Inputs sheet splits its lists', () => {
    expect(rampList('20%, 60%', NONE)).toEqual(['20%', '60%']);
    expect(rampList('0.25;0.5 0.75', NONE)).toEqual(['0.25', '0.5', '0.75']);
    expect(rampList('20%，60%、80%；90%', NONE)).toEqual(['20%', '60%', '80%', '90%']);
    expect(rampList('25 %,  50  %', NONE)).toEqual(['25 %', '50  %']);
    expect(rampList('150%', NONE)).toEqual(['150%']); // core names it, at ramp[0]
    expect(rampList('100%', NONE)).toEqual(['100%']); // a month of ramp at full output, not none
  });

  it('blank is nothing (the default\'s ramp); the word for none, in any language and case, is the empty ramp', () => {
    expect(rampList('   ', NONE)).toBeUndefined();
    expect(rampList(' None ', NONE)).toEqual([]);
    expect(rampList('无', NONE)).toEqual([]);
    expect(rampList('無', NONE)).toEqual([]);
    expect(rampList('none, 50%', NONE)).toEqual(['none', '50%']); // not alone: an entry for core to name
  });

  it('a ramp shown and typed back as shown reads in core as the same productivities', () => {
    const percents = fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 36 });
    fc.assert(
      fc.property(percents, (whole) => {
        const ramp = whole.map((p) => p / 100);
        const typed = rampList(rampText(ramp, 'none'), NONE);
        const errors: FieldError[] = [];
        const read = (typed ?? []).map((entry, k) => readExact(entry, `ramp[${k}]`, 'any', errors)?.value);
        expect(errors).toEqual([]);
        expect(read).toEqual(ramp);
      }),
    );
  });
});

describe('rate ranges (rangeText shows, rangeParts reads back as the Inputs sheet does)', () => {
  it('shows a range as the sheet writes it and sends an edited one as its two ends', () => {
    expect(rangeText([0.3, 0.5])).toBe('30%, 50%');
    expect(rangeText(['30%', 0.5])).toBe('30%, 50%');
    expect(rangeText({ low: 0.3 })).toBe('');
    for (const typed of ['30%, 50%', '30% – 50%', '30%~50%', '30% to 50%', '30% 至 50%', ' 30%  50% ', '30%；50%']) {
      expect(fieldValue(undefined, '', typed, true, rangeParts)).toEqual(['30%', '50%']);
    }
    expect(fieldValue(undefined, '', '0.3 to 0.5', true, rangeParts)).toEqual(['0.3', '0.5']);
    // A minus sign is never a separator: "-10%" stays one end, for the validator to refuse.
    expect(rangeParts('-10%, 50%')).toEqual(['-10%', '50%']);
    expect(fieldValue([0.3, 0.5], '30%, 50%', '  ', true, rangeParts)).toBeUndefined();
    expect(fieldValue([0.3, 0.5], '30%, 50%', '30%, 50%', true, rangeParts)).toEqual([0.3, 0.5]);
  });

  it('reads back every range it shows as the same two rates', () => {
    const percentRate = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000);
    fc.assert(
      fc.property(percentRate, percentRate, (a, b) => {
        const [low, high] = rangeParts(rangeText([a, b]));
        const errors: FieldError[] = [];
        expect([readExact(low, 'low', 'share', errors)?.value, readExact(high, 'high', 'share', errors)?.value]).toEqual([a, b]);
        expect(errors).toEqual([]);
      }),
    );
  });
});
