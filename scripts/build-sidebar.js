// Builds dist/Sidebar.html: the sidebar template with its CSS and the bundled client inlined (HtmlService serves one file).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');
const ts = require('typescript');

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

/** "section.key" for each key of `section` the page reads. */
const keysOf = (section, keys) => keys.map((k) => `${section}.${k}`);

/**
 * The catalogue the page reads: core's field errors and stage labels (the validator runs in the
 * page), the sidebar's own words, and the few terms of the Inputs sheet, the report, the Teams
 * sheet, the headcount (the default roles' names) and the bonus view that sidebarText.ts takes,
 * the Confidence card's words, and the diagnosis's findings and its card's words;
 * "section.key" carries one part of a section. The rest (menus, alerts, the sheets' notes,
 * CRM-export and history messages…) only the server and the CLI say; each language carries
 * them, so the page leaves them out (150 KB is the page's budget: test/gas/sidebarHtml.test.ts).
 * That test checks which modules of the page read the catalogue, and that every word
 * sidebarText.ts gives is on the page, so a new reader or key is a reason to look here.
 */
const PAGE_SECTIONS = [
  'stages',
  'fieldErrors',
  'value',
  'sidebar',
  ...keysOf('labels', ['sectionTiming', 'fiscalYearStart', 'nextYearGrowth', 'sectionSeasonality', 'holidays', 'sectionChannels', 'channelName', 'channelShare', 'costPerLead', 'marketingBudget']),
  ...keysOf('report', ['monthShort', 'channelBudget', 'channel', 'budgetFy']),
  ...keysOf('teams', ['month', 'quarter', 'fiscalYear', 'carryIn', 'headlineByMonth']),
  'headcount.roles',
  ...keysOf('bonusView', ['sidebarTitle', 'sliderHint', 'revenueAttainment', 'marketingShareAttainment', 'funded', 'total', 'cost', 'bucket', 'payout', 'roleHeads', 'each', 'belowGate']),
  'confidenceView',
  // The diagnosis card runs core's diagnose in the page, which words its findings from `diagnosis` (not its sheet's headings).
  ...keysOf('diagnosis', ['shapes', 'stage', 'transition', 'rateInBand', 'volumes', 'emptyColumn', 'noneReached', 'noneConverted', 'noRecords', 'overall', 'noBands', 'separator', 'advice', 'inChannel', 'notInExport']),
  'diagnosisView',
];
const CATALOGUE_FILE = /[\\/]src[\\/]core[\\/]i18n[\\/](en|zh-CN|zh-TW)\.ts$/;

/** The [from, to) span that removes `property` from its object literal, with its trailing comma. */
function cutOf(source, property) {
  let end = property.getEnd();
  while (/\s/.test(source[end])) end += 1;
  return [property.getFullStart(), source[end] === ',' ? end + 1 : property.getEnd()];
}

/** The properties of `object` not in `keep` (by name), as cuts; `keep` names "key" or "key.part" (only `part` of key's object). */
function cutsOf(source, object, keep, file) {
  const cuts = [];
  for (const property of object.properties) {
    if (!property.name || !ts.isIdentifier(property.name)) throw new Error(`${file}: expected named sections, found ${property.getText()}`);
    const name = property.name.text;
    if (keep.includes(name)) continue;
    const parts = keep.filter((k) => k.startsWith(`${name}.`)).map((k) => k.slice(name.length + 1));
    if (parts.length > 0 && ts.isPropertyAssignment(property) && ts.isObjectLiteralExpression(property.initializer)) cuts.push(...cutsOf(source, property.initializer, parts, file));
    else cuts.push(cutOf(source, property));
  }
  return cuts;
}

/** A language's catalogue with only PAGE_SECTIONS: the sections of its exported object literal (`{…}` or `{…} satisfies Messages`) cut from the source text. */
function pageSections(source, file) {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.ES2020, true, ts.ScriptKind.TS);
  const cuts = [];
  for (const statement of sourceFile.statements) {
    const exported = ts.isVariableStatement(statement) && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    for (const declaration of statement.declarationList.declarations) {
      let value = declaration.initializer;
      if (value && ts.isSatisfiesExpression(value)) value = value.expression;
      if (!value || !ts.isObjectLiteralExpression(value)) continue;
      cuts.push(...cutsOf(source, value, PAGE_SECTIONS, file));
    }
  }
  if (cuts.length === 0) throw new Error(`${file}: found no catalogue sections to leave out`);
  cuts.sort((a, b) => a[0] - b[0]);
  return cuts.reduceRight((text, [from, to]) => text.slice(0, from) + text.slice(to), source);
}

const pageCatalogue = {
  name: 'page-catalogue',
  setup(build) {
    build.onLoad({ filter: CATALOGUE_FILE }, async (args) => ({ contents: pageSections(await fs.promises.readFile(args.path, 'utf8'), args.path), loader: 'ts' }));
  },
};

/** The page's script, and the source files it was bundled from (relative to the repository, "/"-separated). */
async function bundleClient() {
  const result = await esbuild.build({
    entryPoints: [path.join(SIDEBAR, 'client.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    write: false,
    // The browser page, not the Apps Script server bundle (which stays unminified for its JSDoc stubs):
    // whitespace, syntax and local names are squeezed so three languages' words and the simulation fit
    // the page's budget (local names: ~30 KB). Nothing in the page reads a function's or class's name;
    // property names, which the catalogue and google.script.run are keyed by, are never renamed.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    legalComments: 'none',
    // The page is UTF-8 (its <meta charset>): Chinese messages stay characters, not six-byte \u escapes.
    charset: 'utf8',
    logLevel: 'silent',
    plugins: [pageCatalogue],
    metafile: true,
  });
  return { js: result.outputFiles[0].text, modules: Object.keys(result.metafile.inputs) };
}

/** The page's style, minified as its script is (~1 KB of the budget). */
async function pageCss() {
  const css = await fs.promises.readFile(path.join(SIDEBAR, 'sidebar.css'), 'utf8');
  return (await esbuild.transform(css, { loader: 'css', minify: true, charset: 'utf8', logLevel: 'silent' })).code;
}

async function buildSidebarHtml() {
  const [template, css, { js }] = await Promise.all([fs.promises.readFile(path.join(SIDEBAR, 'sidebar.html'), 'utf8'), pageCss(), bundleClient()]);
  return inline(inline(template, '/*__SIDEBAR_CSS__*/', safeForStyle(css)), '/*__SIDEBAR_JS__*/', safeForScript(js));
}

async function writeSidebarHtml(file = OUT_FILE) {
  const html = await buildSidebarHtml();
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  await fs.promises.writeFile(file, html, 'utf8');
  return { file, bytes: Buffer.byteLength(html) };
}

module.exports = { buildSidebarHtml, bundleClient, writeSidebarHtml, safeForScript, PAGE_SECTIONS };

if (require.main === module) {
  writeSidebarHtml().then(
    ({ file, bytes }) => console.log(`wrote ${path.relative(process.cwd(), file)} (${(bytes / 1024).toFixed(1)} KB)`),
    (error) => {
      console.error(error.message || error);
      process.exitCode = 1;
    },
  );
}
