// Writes the simulator scenarios compare.sh serves, with the ids each client polls.
//
//   node scenario.mjs sweep DIR [COUNT]
//     DIR/sweep.json: COUNT (10,000) operations that finished an hour ago;
//     DIR/sweep-ids.txt: their ids.
//   node scenario.mjs discipline DIR CLIENT... [--per N]
//     DIR/discipline.json: for each client and each Retry-After of 2, 10 and 45 s, N (12)
//     operations that run for 30 to 120 s from the moment the simulator starts, sending that
//     Retry-After while they run; every client gets the same durations.
//     DIR/discipline-CLIENT.txt: that client's ids.
// The token is "compare" in both.

import { writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { join } from "node:path";

export const retryAfterSeconds = [2, 10, 45];
const [mode, dir, ...rest] = process.argv.slice(2);

function write(name, scenario, idsByFile) {
  writeFileSync(join(dir, name), JSON.stringify(scenario));
  for (const [file, ids] of Object.entries(idsByFile)) writeFileSync(join(dir, file), ids.join("\n") + "\n");
}

if (mode === "sweep") {
  const count = Number(rest[0] ?? 10000);
  const operations = Array.from({ length: count }, () => ({ id: randomUUID(), ageSeconds: 3600, runningSeconds: 1 }));
  write("sweep.json", { token: "compare", operations }, { "sweep-ids.txt": operations.map((o) => o.id) });
} else if (mode === "discipline") {
  const perIndex = rest.indexOf("--per");
  const per = perIndex >= 0 ? Number(rest[perIndex + 1]) : 12;
  const clients = rest.filter((_, i) => i !== perIndex && i !== perIndex + 1);
  const operations = [];
  const idsByFile = {};
  for (const client of clients) {
    const ids = [];
    for (const seconds of retryAfterSeconds) {
      for (let i = 0; i < per; ++i) {
        // Spread evenly over 30..120 s, the same for every client.
        const runningSeconds = 30 + (90 * (i + 0.5)) / per;
        const id = randomUUID();
        operations.push({ id, runningSeconds, retryAfter: String(seconds) });
        ids.push(id);
      }
    }
    idsByFile[`discipline-${client}.txt`] = ids;
  }
  write("discipline.json", { token: "compare", operations }, idsByFile);
} else {
  console.error("usage: node scenario.mjs sweep DIR [COUNT] | discipline DIR CLIENT... [--per N]");
  process.exit(1);
}
