-- wrk script for scripts/load-test.sh: GETs paths drawn at random from a file (one path a line).
-- Environment: LOAD_PATHS (the file), LOAD_KIND (the name in the report), LOAD_COOKIE (optional
-- Cookie header, e.g. a signed-in archivist's session for review pages).
package.path = (os.getenv("LOAD_SCRIPTS") or "scripts/load") .. "/?.lua;" .. package.path
local report = require("report")
local kind = os.getenv("LOAD_KIND") or "get"
local paths = {}
for line in assert(io.open(os.getenv("LOAD_PATHS"), "r")):lines() do
  if line ~= "" then paths[#paths + 1] = line end
end
if os.getenv("LOAD_COOKIE") then wrk.headers["Cookie"] = os.getenv("LOAD_COOKIE") end

function init(args)
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 1000003))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

report.install(kind)
