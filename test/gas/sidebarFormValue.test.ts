// What the sidebar's form sends back for what it showed (src/gas/sidebar/formValue.ts): untouched is the plan's own value.
import {
  fieldValue,
  holidaysList,
  holidaysText,
  keyedValue,
  newChannelId,
  put,
  seasonalityMode,
} from '../../src/gas/sidebar/formValue';

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
