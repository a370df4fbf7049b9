// Turns what compare.sh collected into tables with ratios and targets.
//
//   node report.mjs sweep RESULTS.jsonl [--no-targets]
//     One JSON line per client (client, requests, wallMs, cpuMs): requests per second,
//     client CPU per 1,000 requests, and each against the Graph SDK loop; then the targets,
//     unless the run is only for reference.
//   node report.mjs discipline SCENARIO.json CLIENT=TRACE.jsonl...
//     Per Retry-After: requests per operation against the fewest that Retry-After allows,
//     and the delay between an operation finishing and the client seeing it.

import { readFileSync } from "node:fs";

const [mode, ...args] = process.argv.slice(2);
const lines = (file) => readFileSync(file, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line));
const pad = (text, width) => String(text).padEnd(width);
const fixed = (value, digits = 1) => (value === null || value === undefined || Number.isNaN(value) ? "-" : value.toFixed(digits));

function sweep(file, withTargets) {
  const results = lines(file);
  const rate = (r) => (r.requests * 1000) / r.wallMs;
  const cpuPerThousand = (r) => (r.cpuMs === null || r.cpuMs === undefined ? null : (r.cpuMs * 1000) / r.requests);
  const sdk = results.find((r) => r.client === "graph-sdk");
  console.log(`${pad("client", 22)}${pad("requests", 10)}${pad("req/s", 10)}${pad("CPU ms/1k req", 15)}${pad("req/s vs SDK", 14)}CPU vs SDK`);
  for (const r of results) {
    const perThousand = cpuPerThousand(r);
    const rateRatio = sdk ? rate(r) / rate(sdk) : null;
    const cpuRatio = sdk && perThousand !== null ? perThousand / cpuPerThousand(sdk) : null;
    console.log(
      `${pad(r.client, 22)}${pad(r.requests, 10)}${pad(fixed(rate(r)), 10)}${pad(fixed(perThousand), 15)}` +
        `${pad(rateRatio === null ? "-" : fixed(rateRatio, 2) + "x", 14)}${cpuRatio === null ? "-" : fixed(cpuRatio, 2) + "x"}`,
    );
    if (r.finished !== undefined && r.finished !== r.operations)
      console.log(`  (${r.client}: only ${r.finished} of ${r.operations} operations finished)`);
  }
  const app = results.find((r) => r.client === "app engine");
  if (app && sdk && withTargets) {
    console.log(`targets: app >= 1.5x the SDK loop's req/s: ${fixed(rate(app) / rate(sdk), 2)}x; ` +
      `app CPU per request <= the SDK's: ${fixed(cpuPerThousand(app) / cpuPerThousand(sdk), 2)}x`);
  }
}

function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

function discipline(scenarioFile, traces) {
  const retryAfterOf = new Map(JSON.parse(readFileSync(scenarioFile, "utf8")).operations.map((o) => [o.id, Number(o.retryAfter)]));
  console.log(`${pad("client", 12)}${pad("Retry-After", 13)}${pad("ops", 5)}${pad("req/op", 8)}${pad("minimum", 9)}` +
    `${pad("ratio", 8)}${pad("seen late p50", 15)}${pad("p95", 9)}max`);
  for (const spec of traces) {
    const [client, file] = spec.split("=");
    const byRetryAfter = new Map();
    for (const record of lines(file)) {
      const seconds = retryAfterOf.get(record.id);
      if (!byRetryAfter.has(seconds)) byRetryAfter.set(seconds, []);
      byRetryAfter.get(seconds).push(record);
    }
    for (const [seconds, records] of [...byRetryAfter].sort((a, b) => a[0] - b[0])) {
      const done = records.filter((r) => r.seenAt > 0 && r.finishedAt > 0);
      // Polled at first, first + RA, ...: the first poll at or after the finish sees it.
      const minimum = (r) => 1 + Math.max(0, Math.ceil((r.finishedAt - r.firstAt) / (seconds * 1000)));
      const requests = done.reduce((sum, r) => sum + r.requests, 0);
      const fewest = done.reduce((sum, r) => sum + minimum(r), 0);
      const delays = done.map((r) => (r.seenAt - r.finishedAt) / 1000);
      const p95 = percentile(delays, 0.95);
      console.log(
        `${pad(client, 12)}${pad(seconds + " s", 13)}${pad(done.length + (done.length < records.length ? "/" + records.length : ""), 5)}` +
          `${pad(fixed(requests / done.length), 8)}${pad(fixed(fewest / done.length), 9)}${pad(fixed(requests / fewest, 2) + "x", 8)}` +
          `${pad(fixed(percentile(delays, 0.5)) + " s", 15)}${pad(fixed(p95) + " s", 9)}${fixed(Math.max(...delays))} s` +
          `${p95 <= seconds + 1 && requests / fewest <= 1.1 ? "" : "   (misses a target: ratio <= 1.1x, p95 <= " + (seconds + 1) + " s)"}`,
      );
    }
  }
}

if (mode === "sweep") sweep(args[0], args[1] !== "--no-targets");
else if (mode === "discipline") discipline(args[0], args.slice(1));
else {
  console.error("usage: node report.mjs sweep RESULTS.jsonl | discipline SCENARIO.json CLIENT=TRACE.jsonl...");
  process.exit(1);
}
