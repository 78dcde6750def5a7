-- Shared by the load-test wrk scripts: prints one JSON line at the end of a run with the kind
-- (LOAD_KIND), requests, requests per second, p50/p99/max latency in ms and the errors (answers
-- that are not 2xx/3xx, socket errors, timeouts), and among the answers that are not 2xx/3xx how
-- many were 503 (busy) and how many other server errors (5xx). A script calls
-- `report.install(kind)`, which gives wrk its setup/response/done hooks.
local report = {}
local threads = {}

-- wrk's setup(thread): remembers each thread, to read its counts at the end.
function report.setup(thread)
  threads[#threads + 1] = thread
end

-- wrk's response(status, headers, body), in each thread: counts 503s and other 5xx answers.
function report.response(status)
  if status == 503 then
    busy = (busy or 0) + 1
  elseif status >= 500 then
    server_errors = (server_errors or 0) + 1
  end
end

function report.done(kind, summary, latency)
  local errors = summary.errors
  local busy_count, server_error_count = 0, 0
  for _, thread in ipairs(threads) do
    busy_count = busy_count + (thread:get("busy") or 0)
    server_error_count = server_error_count + (thread:get("server_errors") or 0)
  end
  io.write(string.format(
    '{"kind":"%s","requests":%d,"rps":%.1f,"p50_ms":%.1f,"p99_ms":%.1f,"max_ms":%.1f,' ..
    '"status_errors":%d,"socket_errors":%d,"timeouts":%d,"busy":%d,"server_errors":%d}\n',
    kind, summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, errors.status,
    errors.connect + errors.read + errors.write, errors.timeout, busy_count, server_error_count))
end

-- Defines wrk's setup, response and done hooks for a script whose answers are reported as `kind`.
function report.install(kind)
  setup = report.setup
  response = function(status, headers, body) report.response(status) end
  done = function(summary, latency, requests) report.done(kind, summary, latency) end
end

return report
