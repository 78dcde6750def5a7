-- wrk script for scripts/load-test.sh: the abusive sign-in flood. Every request is a well-formed
-- POST /login (CSRF double submit) with a wrong password for a real account (LOAD_USER), so each
-- costs the server a bcrypt check unless it throttles. Refusals are expected, not errors of the test.
package.path = (os.getenv("LOAD_SCRIPTS") or "scripts/load") .. "/?.lua;" .. package.path
local report = require("report")
local token = string.rep("ab", 32)
local name = os.getenv("LOAD_USER") or "load-archivist"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "sohoa_csrf=" .. token

function init(args)
  math.randomseed(os.time())
end

function request()
  local body = "_csrf=" .. token .. "&name=" .. name .. "&password=wrong-" .. math.random(1000000000)
  return wrk.format("POST", "/login", nil, body)
end

report.install("sign-in flood")
