// Preloaded (node --require) into the CLI by historySplitCli.test.ts: records what each worker
// thread posts as its outcome to $WORKER_PROBE_FILE, one JSON line a worker, so the test can
// tell the split really ran on a second thread (and merged) rather than falling back.
'use strict';
const fs = require('node:fs');
const threads = require('node:worker_threads');

const target = process.env.WORKER_PROBE_FILE;
if (target && threads.isMainThread) {
  const Original = threads.Worker;
  threads.Worker = class ProbedWorker extends Original {
    constructor(...args) {
      super(...args);
      this.on('message', (m) => {
        if (m && m.type === 'outcome') {
          const o = m.outcome;
          fs.appendFileSync(target, `${JSON.stringify({ ok: o.ok, rows: o.ok ? o.rows : null, reason: o.ok ? null : o.reason })}\n`);
        }
      });
    }
  };
}
