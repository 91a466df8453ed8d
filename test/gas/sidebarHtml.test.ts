// The built sidebar page: one self-contained file HtmlService can serve, with nothing fetched from the network.
import { buildSidebarHtml, safeForScript } from '../../scripts/build-sidebar';

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
    expect(Buffer.byteLength(html)).toBeLessThan(150 * 1024);
  });

  it('bundles the core validator rather than a copy of its messages', () => {
    expect(html).toContain('expected a conversion rate greater than 0 and at most 1');
  });

  it('keeps "</script>" inside the bundle from closing the script element', () => {
    expect(safeForScript('const s = "</script><img src=x>"; // <!-- x')).toBe('const s = "<\\/script><img src=x>"; // <\\!-- x');
    expect(safeForScript('"</SCRIPT >"')).toBe('"<\\/SCRIPT >"');
  });
});
