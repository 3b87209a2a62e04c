-- wrk script for test_serve_load.py. Arguments after `--`: the paths to request in turn. Every response is
-- counted by its status and body length, and `done` prints one line, `RESULT {json}`, with the totals, the
-- socket errors and the latency.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths = args
  next_path = 0
  seen = {}
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

function response(status, headers, body)
  local key = status .. " " .. #body
  seen[key] = (seen[key] or 0) + 1
end

function done(summary, latency, requests)
  local responses = {}
  for _, thread in ipairs(threads) do
    for key, count in pairs(thread:get("seen")) do
      responses[key] = (responses[key] or 0) + count
    end
  end
  local counted = {}
  for key, count in pairs(responses) do
    counted[#counted + 1] = string.format('"%s": %d', key, count)
  end
  local errors = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"latency_us": {"mean": %.1f, "p50": %d, "p99": %d, "max": %d}, "responses": {%s}}\n',
    summary.requests, summary.duration, summary.bytes,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency.mean, latency:percentile(50), latency:percentile(99), latency.max, table.concat(counted, ", ")))
end
