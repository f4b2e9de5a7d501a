-- wrk script: logged-in operators file cases through the browser form (POST /kasus, multipart,
-- session cookie + CSRF field, a fresh form token per filing as a fresh GET of /kasus/baru gives).
-- Each thread uses its own session from $BENCH_SESSIONS ("cookie csrf" per line).
-- Counts acknowledged filings: a 302 whose Location is the new case (/kasus/UGD-...), and writes
-- their tickets to $BENCH_OUT.<thread>. $BENCH_DOUBLE=1 sends every form twice (consecutive
-- requests go out on different connections, so the two copies are in flight together).
-- $BENCH_RUN names the run (the tokens start with it) and $BENCH_BASE offsets the NIK serials.

local sessions = {}
for line in io.lines(os.getenv("BENCH_SESSIONS")) do
  local cookie, csrf = line:match("^(%S+) (%S+)$")
  sessions[#sessions + 1] = { cookie = cookie, csrf = csrf }
end
local run = os.getenv("BENCH_RUN") or "bench"
local base = tonumber(os.getenv("BENCH_BASE") or "0")
local double = os.getenv("BENCH_DOUBLE") == "1"
local out = os.getenv("BENCH_OUT") or "/tmp/wrk-acked"
-- BENCH_PAUSE_MS: a pause before each filing of a connection (a paced load instead of flat out).
local pause = tonumber(os.getenv("BENCH_PAUSE_MS") or "0")
if pause > 0 then
	function delay()
		return pause
	end
end

local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  thread:set("session", sessions[((counter - 1) % #sessions) + 1])
  threads[counter] = thread
  counter = counter + 1
end

local boundary = "----ugdbench7MA4YWxkTrZu0gW"

local function part(name, value)
  return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n" .. value .. "\r\n"
end

-- A well-formed NIK (Muncar 35.10.05, a birth date, a serial) unique for n below 33.6 million.
local function nik(n)
  local serial = n % 10000
  local k = math.floor(n / 10000)
  return string.format("351005%02d%02d%02d%04d", k % 28 + 1, math.floor(k / 28) % 12 + 1, math.floor(k / 336) % 100, serial)
end

function init(args)
  seq = 0
  sent = 0
  acked = 0
  other = 0
  series = {}
  ackfile = io.open(out .. "." .. id, "w")
  headers = {}
  headers["Cookie"] = "UGDSESSION=" .. session.cookie
  headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
end

function request()
  local n
  if double then n = math.floor(seq / 2) else n = seq end
  seq = seq + 1
  sent = sent + 1
  local serial = base + id * 100000 + n
  local body = part("_csrf", session.csrf)
    .. part("submissionToken", run .. "-" .. id .. "-" .. n)
    .. part("desaCode", "35.10.05.2002")
    .. part("address", "Dusun Krajan RT 3")
    .. part("rt", "003") .. part("rw", "001")
    .. part("channel", "LANGSUNG")
    .. part("categories", "KESEHATAN") .. part("categories", "PENDIDIKAN")
    .. part("description", "Anak putus sekolah, ibu sakit menahun; belum pernah menerima bantuan.")
    .. part("beneficiaryName", "Warga Uji " .. serial)
    .. part("nik", nik(serial))
    .. part("beneficiaryPhone", "081234567890")
    .. part("vulnerabilities", "SAKIT_MENAHUN")
    .. "--" .. boundary .. "--\r\n"
  return wrk.format("POST", "/kasus", headers, body)
end

function response(status, hdrs, body)
  local location = hdrs["Location"] or hdrs["location"]
  local ticket = location and location:match("/kasus/(UGD%-[%d%-]+)$")
  if status == 302 and ticket then
    acked = acked + 1
    local second = os.time()
    series[second] = (series[second] or 0) + 1
    ackfile:write(ticket, "\n")
    ackfile:flush()
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local a, o, s = 0, 0, 0
  local merged = {}
  for _, t in ipairs(threads) do
    a = a + t:get("acked")
    o = o + t:get("other")
    s = s + t:get("sent")
    io.write(string.format("THREAD %d %d\n", t:get("id"), t:get("seq")))
    for second, count in pairs(t:get("series")) do
      merged[second] = (merged[second] or 0) + count
    end
  end
  for second, count in pairs(merged) do
    io.write(string.format("SERIES %d %d\n", second, count))
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT acked=%d other=%d sent=%d errors=%d timeouts=%d seconds=%.2f rate=%.1f p50=%.1f p99=%.1f\n",
    a, o, s, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status,
    summary.errors.timeout, seconds, a / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
