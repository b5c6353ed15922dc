// Load for bench/drills.sh: writers create drafts and readers read hot public pages, on --connections connections in
// all, while a fault is run (a shell command) at --before seconds and, optionally, undone at --restore-after seconds
// after it. Prints one JSON line of counts at the end; writes the ids of acknowledged drafts (201) to --ids.
//
//   node load.mjs --base URL --token JWT --author ID --section ID --reads FILE --ids FILE
//                 [--connections 32] [--writers 8] [--before 10] [--fault CMD] [--restore CMD] [--restore-after 10]
//                 [--after 10] [--give-up 120] [--mode recover|terminate]
//
// Recovery is measured from the fault (or from the restore, when there is one: the database was away on purpose)
// to the start of the first write acknowledged after it. In terminate mode (SIGTERM of the API) there is no
// recovery: requests started before the signal must all succeed, and later ones are refused a connection.
import { execSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values: o } = parseArgs({
  options: {
    base: { type: "string" }, token: { type: "string" }, author: { type: "string" }, section: { type: "string" },
    reads: { type: "string" }, ids: { type: "string" },
    connections: { type: "string", default: "32" }, writers: { type: "string", default: "8" },
    before: { type: "string", default: "10" }, fault: { type: "string" }, restore: { type: "string" },
    "restore-after": { type: "string", default: "10" }, after: { type: "string", default: "10" },
    "give-up": { type: "string", default: "120" }, mode: { type: "string", default: "recover" },
  },
});
const seconds = (name) => Number(o[name]) * 1000;
const readPaths = readFileSync(o.reads, "utf8").split("\n").filter(Boolean);
const writers = Number(o.writers);
const readers = Number(o.connections) - writers;

const start = performance.now();
const now = () => performance.now() - start;
let faultAt = null;      // ms since start
let restoredAt = null;
let recoveredAt = null;  // start of the first write acknowledged after the fault (or the restore)
let stopAt = seconds("before") + seconds("give-up");
const acknowledged = [];
const statuses = {};     // "write 503" -> count, over the whole run
const outage = { cachedReadsServed: 0, readsFailed: 0 };
let inFlightFailed = 0;  // terminate mode: requests started before SIGTERM that did not succeed
let refused = 0;         // connections refused (terminate mode, after the signal)
const count = (key) => { statuses[key] = (statuses[key] ?? 0) + 1; };
const inOutage = (t) => faultAt !== null && t >= faultAt && (recoveredAt === null || t < recoveredAt);

async function request(kind, path, init) {
  const startedAt = now();
  try {
    const response = await fetch(o.base + path, init);
    const body = await response.text();
    count(`${kind} ${response.status}`);
    return { startedAt, status: response.status, body };
  } catch (error) {
    const code = error.cause?.code ?? error.code ?? "error";
    // After SIGTERM: refused, or a keep-alive connection closed by the server as the request left.
    if (code === "ECONNREFUSED" || (o.mode === "terminate" && faultAt !== null && startedAt >= faultAt)) refused++;
    else count(`${kind} ${code}`);
    return { startedAt, status: 0, code };
  }
}

const beforeFault = (t) => faultAt === null || t < faultAt;

async function writer(w) {
  for (let n = 0; now() < stopAt; n++) {
    const body = JSON.stringify({
      title: `Dépêche d’exercice ${w}-${n}`, standfirst: "Exercice de panne.", body: "Texte de l’exercice.",
      sectionId: o.section, tags: [], authorIds: [o.author], sources: [], coverImage: null,
    });
    const r = await request("write", "/api/v1/admin/articles", {
      method: "POST", body, headers: { "content-type": "application/json", authorization: `Bearer ${o.token}` },
    });
    if (r.status === 201) {
      acknowledged.push(JSON.parse(r.body).id);
      const after = restoredAt ?? faultAt;
      if (o.mode === "recover" && after !== null && recoveredAt === null && r.startedAt >= after) {
        recoveredAt = r.startedAt;
        stopAt = Math.min(stopAt, now() + seconds("after"));
      }
    } else if (o.mode === "terminate" && beforeFault(r.startedAt) && r.code !== "ECONNREFUSED") {
      inFlightFailed++;
    }
    if (r.status === 0) await new Promise((resolve) => setTimeout(resolve, 50)); // a refused connection: do not spin
  }
}

async function reader(i) {
  for (let n = i; now() < stopAt; n++) {
    const r = await request("read", readPaths[n % readPaths.length]);
    if (o.mode === "recover" && inOutage(r.startedAt)) {
      if (r.status === 200) outage.cachedReadsServed++; else outage.readsFailed++;
    }
    if (o.mode === "terminate" && r.status !== 200 && r.status !== 304 && beforeFault(r.startedAt) && r.code !== "ECONNREFUSED") {
      inFlightFailed++;
    }
    if (r.status === 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function faults() {
  await new Promise((resolve) => setTimeout(resolve, seconds("before")));
  if (!o.fault) return;
  faultAt = now();
  execSync(o.fault, { stdio: "inherit", shell: "/bin/bash" });
  if (o.mode === "terminate") stopAt = Math.min(stopAt, now() + seconds("after"));
  if (o.restore) {
    await new Promise((resolve) => setTimeout(resolve, seconds("restore-after")));
    execSync(o.restore, { stdio: "inherit", shell: "/bin/bash" });
    restoredAt = now(); // once the command has returned: the database is up again
  }
}

await Promise.all([
  faults(),
  ...Array.from({ length: writers }, (_, w) => writer(w)),
  ...Array.from({ length: readers }, (_, i) => reader(i)),
]);
writeFileSync(o.ids, acknowledged.join("\n") + "\n");
const recoverFrom = restoredAt ?? faultAt;
console.log(JSON.stringify({
  acknowledged: acknowledged.length,
  secondsToRecover: recoveredAt === null ? null : Number(((recoveredAt - recoverFrom) / 1000).toFixed(2)),
  outageSeconds: faultAt === null ? null : Number((((recoveredAt ?? now()) - faultAt) / 1000).toFixed(2)),
  statuses, cachedReadsServed: outage.cachedReadsServed, outageReadsFailed: outage.readsFailed, inFlightFailed, refused,
}));
