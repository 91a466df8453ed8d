"""The confidence simulation's draws, vectorised with NumPy: the reference `npm run bench` times
the TypeScript sampler against (bench/confidence.ts). Reads the units as JSON on stdin
({trials, units: [{volume, rates, deal}]}) and prints the median time of 5 runs in ms and the
mean revenue, as JSON."""
import json
import sys
import time

import numpy as np

spec = json.load(sys.stdin)
trials = spec["trials"]
times = []
mean = 0.0
for run in range(6):
    rng = np.random.default_rng(2027 + run)
    start = time.perf_counter()
    revenue = np.zeros(trials)
    for unit in spec["units"]:
        n = np.full(trials, unit["volume"], dtype=np.int64)
        for p in unit["rates"]:
            n = rng.binomial(n, p)
        revenue += n * unit["deal"]
    hit = float(np.mean(revenue >= spec["target"]))
    elapsed = (time.perf_counter() - start) * 1000
    if run > 0:  # the first run warms up
        times.append(elapsed)
    mean = float(revenue.mean())
print(json.dumps({"medianMs": float(np.median(times)), "mean": mean, "pHit": hit}))
