-- wrk script: cycles through the request paths in the file named by the PATHS environment
-- variable (one already percent-encoded path per line), counts answers that are not 2xx, and
-- prints one JSON line of figures at the end (requests/s, p50, p99 in ms, errors).
local paths = {}
local file = assert(io.open(os.getenv("PATHS"), "r"))
for line in file:lines() do if #line > 0 then paths[#paths + 1] = line end end
file:close()

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local counter = 0
failures = 0  -- a global: done() reads it from each thread with thread:get
function init(args)
  counter = id * 7919
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  local headers = {}
  local key = os.getenv("KEY")
  if key and #key > 0 then headers["Authorization"] = "Bearer " .. key end
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  if status < 200 or status > 299 then failures = failures + 1 end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + (thread:get("failures") or 0) end
  io.write(string.format(
    '{"requests": %d, "seconds": %.1f, "rps": %.0f, "p50_ms": %.2f, "p90_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "non2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    failed, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
