/** Which language a locale or --lang value gets: Taiwan and Hong Kong traditional, other Chinese simplified. */
import { InvalidArgumentError } from 'commander';
import { langOfTag } from '../../../src/core/i18n/lang';
import { parseLang } from '../../../src/cli/commands/globalOptions';
import { langOfLocale } from '../../../src/gas/gasContext';

describe('languages of locales', () => {
  it.each([
    ['zh_TW', 'zh-TW'],
    ['zh_HK', 'zh-TW'],
    ['zh-MO', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
    ['zh_CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['en_US', 'en'],
    ['en', 'en'],
    ['de_DE', 'en'],
    ['', 'en'],
  ])('a spreadsheet in %s speaks %s', (locale, lang) => {
    expect(langOfLocale(locale)).toBe(lang);
  });

  it('an unknown or missing locale is English', () => {
    expect(langOfLocale(undefined)).toBe('en');
    expect(langOfTag('fr')).toBeUndefined();
    expect(langOfTag('zhx')).toBeUndefined();
  });

  it.each([
    ['zh-TW', 'zh-TW'],
    ['zh-tw', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['en', 'en'],
    ['en-GB', 'en'],
  ])('--lang %s is %s', (value, lang) => {
    expect(parseLang(value)).toBe(lang);
  });

  it('--lang refuses other languages, naming the three it speaks', () => {
    expect(() => parseLang('fr')).toThrow(InvalidArgumentError);
    expect(() => parseLang('fr')).toThrow('expected "en", "zh-CN" or "zh-TW", got "fr"');
  });
});
