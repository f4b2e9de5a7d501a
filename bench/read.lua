-- wrk script: a logged-in user GETs one page ($BENCH_PATH); each thread uses its own session
-- from $BENCH_SESSIONS. Counts 200 answers; anything else is a failure.
local sessions = {}
for line in io.lines(os.getenv("BENCH_SESSIONS")) do
  sessions[#sessions + 1] = line:match("^(%S+)")
end
local path = os.getenv("BENCH_PATH")
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  thread:set("cookie", sessions[((counter - 1) % #sessions) + 1])
  threads[counter] = thread
  counter = counter + 1
end

function init(args)
  ok = 0
  other = 0
  req = wrk.format("GET", path, { ["Cookie"] = "UGDSESSION=" .. cookie })
end

function request() return req end

function response(status, hdrs, body)
  if status == 200 then ok = ok + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local a, o = 0, 0
  for _, t in ipairs(threads) do a = a + t:get("ok"); o = o + t:get("other") end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT ok=%d other=%d errors=%d timeouts=%d seconds=%.2f rate=%.1f p50=%.1f p99=%.1f\n",
    a, o, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status,
    summary.errors.timeout, seconds, a / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
