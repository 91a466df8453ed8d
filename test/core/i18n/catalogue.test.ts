/** The catalogues (core's and the CLI's): every key of en.ts exists, with the same kind of value, non-empty, in every language. */
import { cliMessages } from '../../../src/cli/i18n/cliCatalogue';
import { cliEn } from '../../../src/cli/i18n/en';
import { LANGS, messages } from '../../../src/core/i18n/catalogue';
import { en } from '../../../src/core/i18n/en';

/** A stand-in for any parameter: reads as "7" in text, and survives `.join`, `.toLocaleString`, `.x ?? …`. */
function anyArg(): unknown {
  const target = function () {};
  const proxy: unknown = new Proxy(target, {
    get: (_t, prop) => (prop === Symbol.toPrimitive ? () => '7' : prop === 'length' ? 1 : proxy),
    apply: () => proxy,
  });
  return proxy;
}

/** Every leaf of a catalogue: its dotted key and what it says (functions called with stand-ins). */
function leaves(node: unknown, prefix = ''): Map<string, { kind: string; text: string }> {
  const out = new Map<string, { kind: string; text: string }>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, { kind: 'string', text: value });
    else if (typeof value === 'function') {
      const args = Array.from({ length: Math.max(value.length, 3) }, anyArg);
      out.set(path, { kind: `function/${value.length}`, text: String((value as (...a: unknown[]) => unknown)(...args)) });
    } else if (Array.isArray(value)) out.set(path, { kind: `list/${value.length}`, text: value.every((v) => typeof v === 'string' && v.trim() !== '') ? value.join('|') : '' });
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const CATALOGUES = [
  { name: 'core', reference: leaves(en), of: (lang: (typeof LANGS)[number]) => leaves(messages(lang)) },
  { name: 'cli', reference: leaves(cliEn), of: (lang: (typeof LANGS)[number]) => leaves(cliMessages(lang)) },
];

describe('message catalogue', () => {
  it('has hundreds of keys in English, the reference', () => {
    expect(CATALOGUES[0].reference.size).toBeGreaterThan(200);
    expect(CATALOGUES[1].reference.size).toBeGreaterThan(80);
  });

  it.each(CATALOGUES.flatMap((c) => LANGS.map((lang) => [c.name, lang, c] as const)))('%s catalogue, %s: every key of en.ts, of the same kind, and says something for each', (_name, lang, { reference, of }) => {
    const mine = of(lang);
    expect([...mine.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [key, { kind }] of reference) {
      const entry = mine.get(key)!;
      // A function may ignore trailing parameters its wording does not need.
      if (kind.startsWith('function')) expect([key, entry.kind.split('/')[0]]).toEqual([key, 'function']);
      else expect([key, entry.kind]).toEqual([key, kind]);
      expect([key, entry.text.trim().length > 0 || key.endsWith('headline')]).toEqual([key, true]);
    }
  });

  it('zh-TW is written in traditional characters, zh-CN in simplified', () => {
    // Characters whose simplified and traditional forms differ, common in our texts.
    const simplified = /[线销转数阶计划这个为来从划报简单营认设]/;
    const traditional = /[線銷轉數階計畫這個為來從劃報簡單營認設]/;
    for (const [key, { text }] of [...leaves(messages('zh-TW')), ...leaves(cliMessages('zh-TW'))]) expect([key, simplified.test(text)]).toEqual([key, false]);
    for (const [key, { text }] of [...leaves(messages('zh-CN')), ...leaves(cliMessages('zh-CN'))]) expect([key, /[線銷轉數階這為來從報營認設]/.test(text)]).toEqual([key, false]);
    expect(traditional.test(messages('zh-TW').stages.lead)).toBe(true);
  });

  it('zh-TW uses the seeds\' terms: 線索, 商機, 成交', () => {
    const zhTW = messages('zh-TW');
    expect(zhTW.stages).toMatchObject({ lead: '線索', sql: '銷售認可線索 (SQL)', mql: '市場認可線索 (MQL)', opportunity: '商機', won: '成交客戶' });
  });

  it('an unknown language falls back to English rather than failing', () => {
    expect(messages('xx' as never).stages.lead).toBe('Leads');
  });
});
