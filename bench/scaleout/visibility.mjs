// Publish-to-visible latency across instances and through the edge cache, for bench/scaleout.sh.
// Each round creates a draft through the writer instance, makes sure every reader target has the site's first list
// page cached (two reads: the second is a cache hit), publishes, then polls each target every --poll ms until that
// page shows the new article; then it edits the article's title and polls the article page (cached just before) until
// the new title shows. Latencies are measured from the moment the writer acknowledged the publish (or the edit).
// At the end the articles it made are withdrawn and deleted. Prints one JSON object: per target and per kind, p50/p90/p99/max in ms and how many rounds timed out.
//
//   node visibility.mjs --writer URL --token JWT --author ID --section ID --reader NAME=URL [--reader NAME=URL ...]
//                       [--rounds 100] [--poll 5] [--give-up 10000] [--host www.example.org]
import { parseArgs } from "node:util";

const { values: o } = parseArgs({
  options: {
    writer: { type: "string" }, token: { type: "string" }, author: { type: "string" }, section: { type: "string" },
    reader: { type: "string", multiple: true }, rounds: { type: "string", default: "100" },
    poll: { type: "string", default: "5" }, "give-up": { type: "string", default: "10000" }, host: { type: "string" },
  },
});
const readers = o.reader.map((r) => { const i = r.indexOf("="); return { name: r.slice(0, i), base: r.slice(i + 1) }; });
const hostHeader = o.host ? { host: o.host } : {};
const admin = { authorization: `Bearer ${o.token}`, "content-type": "application/json", ...hostHeader };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const LIST = "/api/v1/articles?limit=5";

async function json(url, init) {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init?.method ?? "GET"} ${url}: ${response.status} ${text.slice(0, 200)}`);
  return { body: text ? JSON.parse(text) : null, etag: response.headers.get("etag") };
}

async function get(url) {
  const response = await fetch(url, { headers: hostHeader });
  return { status: response.status, text: await response.text() };
}

// Polls every target at once until `seen(text)` holds for each; returns ms since `since` per target (null: gave up).
async function waitAll(path, seen, since) {
  return Promise.all(readers.map(async (reader) => {
    while (performance.now() - since < Number(o["give-up"])) {
      const { status, text } = await get(reader.base + path);
      if (status === 200 && seen(text)) return performance.now() - since;
      await sleep(Number(o.poll));
    }
    return null;
  }));
}

const results = {};
const created = [];
const record = (kind, latencies) => readers.forEach((reader, i) => {
  const key = `${kind} via ${reader.name}`;
  (results[key] ??= []).push(latencies[i]);
});

for (let round = 0; round < Number(o.rounds); round++) {
  const title = `Banc d’essai de visibilité ${round} ${Date.now()}`;
  const input = { title, standfirst: "Un chapô pour mesurer la visibilité.", body: "Le corps de l’article mesuré.",
    sectionId: o.section, tags: [], authorIds: [o.author], sources: [] };
  const draft = await json(`${o.writer}/api/v1/admin/articles`, { method: "POST", headers: admin, body: JSON.stringify(input) });
  created.push(draft.body.id);
  for (const reader of readers) { await get(reader.base + LIST); await get(reader.base + LIST); }
  const published = await json(`${o.writer}/api/v1/admin/articles/${draft.body.id}/publish`, { method: "POST", headers: admin });
  const publishedAt = performance.now();
  record("publish → list", await waitAll(LIST, (text) => text.includes(draft.body.id), publishedAt));

  const page = `/api/v1/articles/${encodeURIComponent(published.body.slug)}`;
  for (const reader of readers) { await get(reader.base + page); await get(reader.base + page); }
  const edited = `${title} (modifié)`;
  await json(`${o.writer}/api/v1/admin/articles/${draft.body.id}`, {
    method: "PUT", headers: { ...admin, "if-match": published.etag }, body: JSON.stringify({ ...input, title: edited }) });
  const editedAt = performance.now();
  record("edit → page", await waitAll(page, (text) => text.includes("(modifié)"), editedAt));
}

// The corpus stays as it was: the measured articles are withdrawn, then deleted (a published one cannot be).
for (const id of created) {
  await fetch(`${o.writer}/api/v1/admin/articles/${id}/withdraw`, { method: "POST", headers: admin });
  await fetch(`${o.writer}/api/v1/admin/articles/${id}`, { method: "DELETE", headers: admin });
}

const summary = {};
for (const [key, values] of Object.entries(results)) {
  const done = values.filter((v) => v !== null).sort((a, b) => a - b);
  const at = (q) => done.length ? Math.round(done[Math.min(done.length - 1, Math.ceil(q * done.length) - 1)] * 10) / 10 : null;
  summary[key] = { rounds: values.length, timedOut: values.length - done.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) };
}
console.log(JSON.stringify(summary));
