// A local stand-in for Apps Script: serves the sidebar with a fake google.script.run that the core answers over HTTP.
'use strict';
const http = require('node:http');
const path = require('node:path');
const { buildSidebarHtml } = require('./build-sidebar');

const BUILD = path.join(__dirname, '..', 'build', 'src');
const LANGS = ['en', 'zh-CN', 'zh-TW'];
const MAX_BODY = 1024 * 1024;
const MAX_DELAY_MS = 30_000;

/** The compiled core (npm run build), loaded on first use so requiring this file never needs build/. */
function core() {
  try {
    return {
      previewResponse: require(path.join(BUILD, 'gas', 'planResponse.js')).previewResponse,
      defaultPlanInput: require(path.join(BUILD, 'core', 'defaultPlan.js')).defaultPlanInput,
    };
  } catch (error) {
    throw new Error(`cannot load the compiled core from build/ (run \`npm run build\` first): ${error.message}`);
  }
}

/** "YYYY-MM-DD" on this machine's clock: Apps Script passes the sheet's today, so a plan without a fiscal-year start gets one. */
function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** What Code.js would answer, minus Google: nothing is written, so Generate reports the sheets it would have written. */
function defaultHandlers() {
  const { previewResponse, defaultPlanInput } = core();
  return {
    getSidebarState: (_args, { lang }) => ({ input: defaultPlanInput(), source: 'default-template', readProblems: [], inputsFingerprint: null, lang }),
    previewPlan: ([input], { lang }) => previewResponse(input, lang, today()),
    generateFromSidebar: ([input], { lang }) => {
      const response = previewResponse(input, lang, today());
      return response.ok ? { ...response, sheets: ['Summary', 'Funnel', 'Monthly', 'Teams', 'Inputs'] } : response;
    },
  };
}

/**
 * The fake google.script.run: the same builder shape as the real one, one method per server
 * function, each a POST /rpc/<name> whose JSON answer goes to the success or failure handler.
 */
function standInScript(names, query) {
  return `<script>
(function () {
  var NAMES = ${JSON.stringify(names)};
  var QUERY = ${JSON.stringify(query)};
  function runner(onSuccess, onFailure) {
    var run = {
      withSuccessHandler: function (fn) { return runner(fn, onFailure); },
      withFailureHandler: function (fn) { return runner(onSuccess, fn); },
      withUserObject: function () { return runner(onSuccess, onFailure); }
    };
    NAMES.forEach(function (name) {
      run[name] = function () {
        var args = JSON.parse(JSON.stringify(Array.prototype.slice.call(arguments)));
        fetch('/rpc/' + encodeURIComponent(name) + QUERY, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) })
          .then(function (r) { return r.json(); })
          .then(function (reply) {
            if (reply.ok) { if (onSuccess) onSuccess(reply.value); }
            else if (onFailure) onFailure(new Error(reply.message));
          }, function (error) { if (onFailure) onFailure(error); });
      };
    });
    return run;
  }
  window.google = { script: { run: runner(null, null) } };
})();
</script>
`;
}

function pageOptions(url, defaults) {
  const lang = LANGS.includes(url.searchParams.get('lang')) ? url.searchParams.get('lang') : defaults.lang;
  const delayText = url.searchParams.get('delay');
  const delay = delayText !== null && /^\d+$/.test(delayText) ? Math.min(Number(delayText), MAX_DELAY_MS) : defaults.delayMs;
  return { lang, delayMs: delay };
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response, status, type, body) {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(body);
}

/**
 * Starts the server on 127.0.0.1. `html` fixes the page; without it the sidebar is rebuilt on
 * every page load, so a browser refresh shows the latest source. `handlers` replace the default
 * answers by name. `calls` records every server call, in order, for tests.
 */
async function startSidebarServer(options = {}) {
  const defaults = { lang: LANGS.includes(options.lang) ? options.lang : 'en', delayMs: options.delayMs ?? 0 };
  const handlers = { ...defaultHandlers(), ...(options.handlers ?? {}) };
  const names = Object.keys(handlers);
  const calls = [];

  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    try {
      if (request.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
        const page = pageOptions(url, defaults);
        const html = options.html ?? (await buildSidebarHtml());
        const query = `?lang=${encodeURIComponent(page.lang)}&delay=${page.delayMs}`;
        const at = html.indexOf('</head>');
        send(response, 200, 'text/html; charset=utf-8', html.slice(0, at) + standInScript(names, query) + html.slice(at));
        return;
      }
      if (request.method === 'GET' && url.pathname === '/favicon.ico') {
        // Browsers ask for it unprompted; a 404 would show up as a console error the tests forbid.
        response.writeHead(204);
        response.end();
        return;
      }
      const rpc = /^\/rpc\/([A-Za-z_$][\w$]*)$/.exec(url.pathname);
      if (request.method === 'POST' && rpc) {
        const name = rpc[1];
        const page = pageOptions(url, defaults);
        const args = JSON.parse(await readBody(request));
        calls.push({ name, args });
        await new Promise((resolve) => setTimeout(resolve, page.delayMs));
        if (!Object.prototype.hasOwnProperty.call(handlers, name)) {
          send(response, 200, 'application/json', JSON.stringify({ ok: false, message: `Script function not found: ${name}` }));
          return;
        }
        try {
          const value = await handlers[name](Array.isArray(args) ? args : [], { lang: page.lang });
          send(response, 200, 'application/json', JSON.stringify({ ok: true, value: value === undefined ? null : value }));
        } catch (error) {
          // Like Apps Script: the server's exception reaches the failure handler as an Error with its message.
          send(response, 200, 'application/json', JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) }));
        }
        return;
      }
      send(response, 404, 'text/plain; charset=utf-8', 'not found');
    } catch (error) {
      send(response, 500, 'text/plain; charset=utf-8', error instanceof Error ? error.message : String(error));
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

module.exports = { startSidebarServer, defaultHandlers };
