// Builds dist/Sidebar.html: the sidebar template with its CSS and the bundled client inlined (HtmlService serves one file).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const SIDEBAR = path.join(ROOT, 'src', 'gas', 'sidebar');
const OUT_FILE = path.join(ROOT, 'dist', 'Sidebar.html');

/** Text inside <script> ends at the first "</script"; "<!--" can switch the parser into a mode that swallows it. */
function safeForScript(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function safeForStyle(css) {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

/** Replaces exactly one placeholder; a function replacement, since "$&" and friends in the bundle must stay literal. */
function inline(template, placeholder, content) {
  if (template.split(placeholder).length !== 2) throw new Error(`sidebar.html must contain ${placeholder} exactly once`);
  return template.replace(placeholder, () => content);
}

async function bundleClient() {
  const result = await esbuild.build({
    entryPoints: [path.join(SIDEBAR, 'client.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    write: false,
    // The browser page, not the Apps Script server bundle (which stays unminified for its JSDoc stubs):
    // whitespace and syntax are squeezed so three languages' words fit HtmlService comfortably; names stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    // The page is UTF-8 (its <meta charset>): Chinese messages stay characters, not six-byte \u escapes.
    charset: 'utf8',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

async function buildSidebarHtml() {
  const [template, css, js] = await Promise.all([
    fs.promises.readFile(path.join(SIDEBAR, 'sidebar.html'), 'utf8'),
    fs.promises.readFile(path.join(SIDEBAR, 'sidebar.css'), 'utf8'),
    bundleClient(),
  ]);
  return inline(inline(template, '/*__SIDEBAR_CSS__*/', safeForStyle(css)), '/*__SIDEBAR_JS__*/', safeForScript(js));
}

async function writeSidebarHtml(file = OUT_FILE) {
  const html = await buildSidebarHtml();
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  await fs.promises.writeFile(file, html, 'utf8');
  return { file, bytes: Buffer.byteLength(html) };
}

module.exports = { buildSidebarHtml, writeSidebarHtml, safeForScript };

if (require.main === module) {
  writeSidebarHtml().then(
    ({ file, bytes }) => console.log(`wrote ${path.relative(process.cwd(), file)} (${(bytes / 1024).toFixed(1)} KB)`),
    (error) => {
      console.error(error.message || error);
      process.exitCode = 1;
    },
  );
}
