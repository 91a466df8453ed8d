// npm run preview: the sidebar in a normal browser at http://127.0.0.1:8765, answered by the local core instead of Apps Script.
'use strict';
const { startSidebarServer } = require('./sidebarDevServer');

function option(name) {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
}

async function main() {
  const port = Number(option('port') ?? 8765);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port expects a port number, got ${option('port')}`);
  const server = await startSidebarServer({ port, lang: option('lang') ?? 'en', delayMs: Number(option('delay') ?? 0) || 0 });
  console.log(`Sidebar preview: ${server.url}  (try ${server.url}?lang=zh-CN or ?delay=1500; Ctrl-C stops)`);
  const stop = () => server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
