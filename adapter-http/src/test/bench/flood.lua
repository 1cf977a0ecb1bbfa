-- Wrong (well-formed) tokens, one line "appKey appToken" at a time from $FLOOD_FILE, round robin;
-- reports how the server answered them.
local pairs_ = {}
for line in io.lines(os.getenv("FLOOD_FILE")) do
  local key, token = line:match("(%S+)%s+(%S+)")
  pairs_[#pairs_ + 1] = {key, token}
end

local threads = {}
function setup(thread)
  thread:set("offset", #threads * 7)
  threads[#threads + 1] = thread
end

function init(args)
  i = offset or 0
  counts = {}
end

function request()
  i = i + 1
  local pair = pairs_[(i % #pairs_) + 1]
  wrk.headers["X-VTEX-API-AppKey"] = pair[1]
  wrk.headers["X-VTEX-API-AppToken"] = pair[2]
  return wrk.format(nil)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for status, n in pairs(c) do
      io.write(string.format("flood status %d: %d\n", status, n))
    end
  end
end
