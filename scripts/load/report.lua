-- Shared by the load-test wrk scripts: prints one JSON line at the end of a run with the kind
-- (LOAD_KIND), requests, requests per second, p50/p99/max latency in ms and the errors (answers
-- that are not 2xx/3xx, socket errors, timeouts).
local report = {}

function report.done(kind, summary, latency)
  local errors = summary.errors
  io.write(string.format(
    '{"kind":"%s","requests":%d,"rps":%.1f,"p50_ms":%.1f,"p99_ms":%.1f,"max_ms":%.1f,' ..
    '"status_errors":%d,"socket_errors":%d,"timeouts":%d}\n',
    kind, summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, errors.status,
    errors.connect + errors.read + errors.write, errors.timeout))
end

return report
