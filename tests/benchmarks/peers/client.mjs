// The Node clients compare.sh measures beside the app's engine. Each one polls every
// operation in an id file until it is terminal, K operations at a time, against the same
// Graph, and prints one JSON line: requests, wall time and the process's CPU time. With
// --trace it writes one JSON line per operation in the same form as bench_engine.
//
//   node client.mjs --client graph-sdk|core-lro|fetch --graph URL --token T --ids FILE
//                   [--in-flight K] [--trace FILE]
//
// graph-sdk: the loop an analyst writes with @microsoft/microsoft-graph-client v3: GET, and
//   while the operation runs, sleep for its Retry-After (5 s without one).
// core-lro:  @azure/core-lro's createHttpPoller, one poller per operation. The export's
//   Location is handed over as an Operation-Location, so the poller reads the body's status
//   (with a plain Location it would take the 200 for "succeeded"). Its own interval (2 s)
//   applies when Graph sends no Retry-After.
// fetch:     the same loop as graph-sdk on Node's own fetch, without any SDK.

import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import {
  Client,
  HTTPMessageHandler,
  RedirectHandler,
  ResponseType,
  RetryHandler,
  TelemetryHandler,
} from "@microsoft/microsoft-graph-client";
import { createHttpPoller } from "@azure/core-lro";

const { values: options } = parseArgs({
  options: {
    client: { type: "string" },
    graph: { type: "string" },
    token: { type: "string" },
    ids: { type: "string" },
    "in-flight": { type: "string", default: "6" },
    trace: { type: "string" },
  },
});
for (const required of ["client", "graph", "token", "ids"]) {
  if (!options[required]) {
    console.error(`--${required} is required`);
    process.exit(1);
  }
}

const root = options.graph.replace(/\/$/, "");
const ids = readFileSync(options.ids, "utf8").split("\n").map((line) => line.trim()).filter(Boolean);
const inFlight = Number(options["in-flight"]);
const operationPath = (id) => `/reports/partners/billing/operations/${id}`;
const operationUrl = (id) => `${root}/v1.0${operationPath(id)}`;
const terminal = new Set(["succeeded", "completed", "failed"]);

// Seconds (with a fraction, as Graph sends them) or an HTTP-date; 5 s when absent.
function retryAfterMs(header) {
  if (header === null || header === undefined || header === "") return 5000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 5000 : Math.max(0, date - Date.now());
}

const records = new Map(ids.map((id) => [id, { id, requests: 0, firstAt: 0, seenAt: 0, finishedAt: 0 }]));
let totalRequests = 0;

function noteRequest(id) {
  const record = records.get(id);
  if (record.requests++ === 0) record.firstAt = Date.now();
  ++totalRequests;
}

function noteFinished(id, body) {
  const record = records.get(id);
  record.seenAt = Date.now();
  record.finishedAt = Date.parse(body.lastActionDateTime) || 0;
}

// A polling loop on a get(id) that answers { body, retryAfter }.
async function loop(id, get) {
  for (;;) {
    noteRequest(id);
    const { body, retryAfter } = await get(id);
    if (terminal.has(String(body.status).toLowerCase())) {
      noteFinished(id, body);
      return;
    }
    await sleep(retryAfterMs(retryAfter));
  }
}

function graphSdkClient() {
  // The SDK's own authentication step hands the token only to https Graph hosts and strips
  // it elsewhere, so on the loopback simulator a one-line step takes its place; the rest is
  // the SDK's default chain (retry, redirect, telemetry, fetch).
  const authorization = `Bearer ${options.token}`;
  const loopbackAuthentication = {
    execute: async (context) => {
      context.options.headers = { ...context.options.headers, Authorization: authorization };
      return loopbackAuthentication.next.execute(context);
    },
    setNext: (next) => (loopbackAuthentication.next = next),
  };
  const client = Client.initWithMiddleware({
    baseUrl: root,
    defaultVersion: "v1.0",
    middleware: [loopbackAuthentication, new RetryHandler(), new RedirectHandler(), new TelemetryHandler(), new HTTPMessageHandler()],
  });
  return (id) =>
    loop(id, async (operationId) => {
      const response = await client.api(operationPath(operationId)).responseType(ResponseType.RAW).get();
      return { body: await response.json(), retryAfter: response.headers.get("retry-after") };
    });
}

function fetchClient() {
  const headers = { Authorization: `Bearer ${options.token}` };
  return (id) =>
    loop(id, async (operationId) => {
      const response = await fetch(operationUrl(operationId), { headers });
      return { body: await response.json(), retryAfter: response.headers.get("retry-after") };
    });
}

function coreLroClient() {
  const headers = { Authorization: `Bearer ${options.token}` };
  return async (id) => {
    const url = operationUrl(id);
    const poller = createHttpPoller(
      {
        // The export was started elsewhere: its 202 is replayed, not sent.
        sendInitialRequest: async () => ({
          flatResponse: {},
          rawResponse: {
            statusCode: 202,
            request: { method: "POST", url },
            headers: { "operation-location": url },
          },
        }),
        sendPollRequest: async (path) => {
          noteRequest(id);
          const response = await fetch(path, { headers });
          const body = await response.json();
          const rawHeaders = {};
          response.headers.forEach((value, name) => (rawHeaders[name] = value));
          if (terminal.has(String(body.status).toLowerCase())) noteFinished(id, body);
          return {
            flatResponse: body,
            rawResponse: { statusCode: response.status, request: { method: "GET", url: path }, headers: rawHeaders, body },
          };
        },
      },
      { resolveOnUnsuccessful: true, skipFinalGet: true },
    );
    await poller.pollUntilDone();
  };
}

const clients = { "graph-sdk": graphSdkClient, "core-lro": coreLroClient, fetch: fetchClient };
if (!clients[options.client]) {
  console.error(`--client must be one of ${Object.keys(clients).join(", ")}`);
  process.exit(1);
}
const pollOne = clients[options.client]();

const started = performance.now();
const cpuBefore = process.cpuUsage();
let next = 0;
async function worker() {
  while (next < ids.length) await pollOne(ids[next++]);
}
await Promise.all(Array.from({ length: Math.min(inFlight, ids.length) }, worker));
const cpu = process.cpuUsage(cpuBefore);
const wallMs = performance.now() - started;

if (options.trace)
  writeFileSync(options.trace, [...records.values()].map((record) => JSON.stringify(record) + "\n").join(""));
const finished = [...records.values()].filter((record) => record.seenAt > 0).length;
console.log(
  JSON.stringify({
    client: options.client,
    operations: ids.length,
    finished,
    requests: totalRequests,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    ceiling: `${inFlight} in flight`,
  }),
);
