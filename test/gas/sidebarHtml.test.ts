// The built sidebar page: one self-contained file HtmlService can serve, with nothing fetched from the network.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGE_SECTIONS, buildSidebarHtml, bundleClient, safeForScript } from '../../scripts/build-sidebar';
import { LANGS, messages } from '../../src/core/i18n/catalogue';
import { sidebarText } from '../../src/gas/sidebar/sidebarText';

describe('buildSidebarHtml', () => {
  let html: string;
  beforeAll(async () => {
    html = await buildSidebarHtml();
  }, 60_000);

  it('inlines the style and the script, with no external resources', () => {
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toContain('__SIDEBAR_');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<\/script>/gi)).toHaveLength(1);
    expect(html.match(/<\/style>/gi)).toHaveLength(1);
  });

  it('stays small enough for HtmlService', () => {
    // 150 KB until the page also ran the diagnosis (its findings' words in three languages and
    // core/diagnosis): ~172,800 bytes then. The page is minified, and HtmlService serves it once per sidebar open.
    expect(Buffer.byteLength(html)).toBeLessThan(180 * 1024);
  });

  it('bundles the core validator rather than a copy of its messages', () => {
    expect(html).toContain('expected a conversion rate greater than 0 and at most 1');
  });

  it('carries the catalogue sections the page reads, in every language, and leaves out the server\'s and the CLI\'s', () => {
    for (const lang of LANGS) {
      const m = messages(lang);
      expect([lang, html.includes(m.sidebar.fixErrors), html.includes(m.labels.sectionTiming), html.includes(m.teams.carryIn)]).toEqual([lang, true, true, true]);
      expect([lang, html.includes(m.gas.busy), html.includes(m.history.nothingDated), html.includes(m.menu.insertInputs), html.includes(m.menu.deriveRates)]).toEqual([lang, false, false, false, false]);
    }
    expect(PAGE_SECTIONS).toEqual(expect.arrayContaining(['stages', 'fieldErrors', 'value', 'sidebar']));
  });

  it('carries one part of a section where the page needs no more: the role names of headcount, not its sentences', () => {
    expect(PAGE_SECTIONS).toContain('headcount.roles');
    for (const lang of LANGS) {
      const m = messages(lang);
      expect([lang, html.includes(m.headcount.roles.sdrManager.name), html.includes(m.headcount.roles.fullCycleRep.many)]).toEqual([lang, true, true]);
      expect([lang, html.includes(m.headcount.noHires), html.includes(m.hiring.chartCaption), html.includes(m.hiring.tableNote)]).toEqual([lang, false, false, false]);
    }
  });

  it('carries only the terms it takes of the Inputs sheet, the report and the bonus view, not their notes', () => {
    for (const lang of LANGS) {
      const m = messages(lang);
      expect([lang, html.includes(m.labels.costPerLead), html.includes(m.report.budgetFy), html.includes(m.bonusView.sliderHint)]).toEqual([lang, true, true, true]);
      expect([lang, html.includes(m.report.channelNote), html.includes(m.report.rounding), html.includes(m.bonusView.gridCaption), html.includes(m.bonus.findings.none)]).toEqual([lang, false, false, false, false]);
    }
  });

  it('has every word sidebarText gives the page, in every language', () => {
    // A key sidebarText.ts reads but PAGE_SECTIONS leaves out would show as "undefined" in the page.
    const words = (value: unknown, at: string): [string, string][] =>
      typeof value === 'string' ? [[at, value]] : typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([k, v]) => words(v, `${at}.${k}`)) : [];
    for (const lang of LANGS) {
      const missing = words(sidebarText(lang), lang).filter(([, w]) => !html.includes(JSON.stringify(w).slice(1, -1)) && !html.includes(w));
      expect(missing).toEqual([]);
    }
  });

  it('reads the catalogue only where the sections it carries are known to suffice', async () => {
    // A new module of the page that calls messages() may read a section the page leaves out
    // (scripts/build-sidebar.js, PAGE_SECTIONS): check it, then list it here.
    const { modules } = await bundleClient();
    const ROOT = join(__dirname, '..', '..');
    const readers = modules.filter((m) => !m.includes('/i18n/') && /\bmessages\(/.test(readFileSync(join(ROOT, m), 'utf8')));
    expect(readers.sort()).toEqual(['src/core/diagnosis/funnelShapes.ts', 'src/core/fieldError.ts', 'src/core/headcount/structures.ts', 'src/core/stages.ts', 'src/gas/sidebar/sidebarText.ts']);
    // The Confidence card plans the headcount (the pool's heads); structures.ts reads the
    // catalogue only in its trade-off sentence, which the page never says. The diagnosis card's
    // funnelShapes.ts reads `diagnosis` but not its `sheet` part, which the page leaves out.
    expect(html).not.toContain('tradeOff');
    for (const lang of LANGS) expect([lang, html.includes(messages(lang).diagnosis.advice.bigHeadSmallTail), html.includes(messages(lang).diagnosis.sheet.help)]).toEqual([lang, true, false]);
  });

  it('keeps "</script>" inside the bundle from closing the script element', () => {
    expect(safeForScript('const s = "</script><img src=x>"; // <!-- x')).toBe('const s = "<\\/script><img src=x>"; // <\\!-- x');
    expect(safeForScript('"</SCRIPT >"')).toBe('"<\\/SCRIPT >"');
  });
});
