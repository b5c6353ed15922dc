-- wrk script for bench/run.sh: replays the request lines of the file named by $BENCH_REQUESTS, one picked at random
-- per request. A line is "path" or "path<TAB>etag" (the etag is sent as If-None-Match, for the 304 path).
-- Counts responses whose status is not $BENCH_EXPECT (default 200) and prints one machine-readable line at the end.
-- With BENCH_NOCACHE=1 every request gets a unique extra query parameter (bench_nocache=<thread>-<n>): the API
-- ignores unknown parameters but its output cache varies by the whole query string, so this measures the uncached
-- path (the handler and the database) instead of the server-side cache.

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  requests = {}
  paths = {}
  unexpected = 0
  sent = 0
  expected = tonumber(os.getenv("BENCH_EXPECT") or "200")
  nocache = os.getenv("BENCH_NOCACHE") == "1"
  local file = assert(io.open(os.getenv("BENCH_REQUESTS"), "r"))
  for line in file:lines() do
    local path, etag = line:match("^([^\t]+)\t?(.*)$")
    if path then
      local headers = {}
      if etag ~= nil and etag ~= "" then
        headers["If-None-Match"] = etag
      end
      requests[#requests + 1] = wrk.format("GET", path, headers)
      paths[#paths + 1] = path .. (path:find("?", 1, true) and "&" or "?") .. "bench_nocache=" .. id .. "-"
    end
  end
  file:close()
  -- Each thread its own sequence; the time makes runs differ, as real traffic does.
  math.randomseed(os.time() + 7919 * id)
end

function request()
  local i = math.random(#requests)
  if nocache then
    sent = sent + 1
    return wrk.format("GET", paths[i] .. os.time() .. "-" .. sent)
  end
  return requests[i]
end

function response(status, headers, body)
  if status ~= expected then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local unexpected_total = 0
  for _, thread in ipairs(threads) do
    unexpected_total = unexpected_total + (thread:get("unexpected") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"duration_s":%.3f,"rps":%.1f,"p50_ms":%.3f,"p95_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"socket_errors":%d,"unexpected":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, unexpected_total))
end
