-- wrk script: each connection is a player whose choices are streamed, the way the page's htmx form makes them:
--   board     POST /stories                                 303 (the boarding stop is written at once)
--   read      GET  /stories/{id}                            the ride page: the open step and a choice
--   choose    POST /stories/{id}/choices (HX, stream=1)     the "writing" fragment; the stop is written behind it
--   stream    GET  /stories/{id}/stops/{n}/stream           the event stream, read to its end (after `commit`)
-- then choose again from the controls the commit carried, with no pause: each player always has a stop being
-- written. Run with as many threads as connections (-t N -c N) so each Lua state drives exactly one connection.
-- Players arrive one after another, `wrk … -s bench/stream.lua URL -- MS` apart (default 0: all at once); spread over
-- one stream's length, their stops keep that spread, as players who came at different times do, instead of
-- 200 stops committed in the same instant, stop after stop. Used by bench/stream-latency.sh.

local players = 0
function setup(thread)
  thread:set("arrival", players) -- this player's place in the queue at the door
  players = players + 1
end

local ride, cookie, step, choice, sent = nil, nil, nil, nil, nil
local form = "application/x-www-form-urlencoded"
local apart, arrived = 0, false

function init(args)
  apart = tonumber(args[1] or "0") or 0
end

function delay()
  if arrived then return 0 end
  arrived = true
  return arrival * apart
end

local function from_html(body)
  step = body:match('name="step" value="(%d+)"')
  choice = body:match('name="choice"[^>]-value="(%w+)"')
end

request = function()
  if ride == nil then
    sent = "board"
    local headers = { ["Content-Type"] = form }
    if cookie then headers["Cookie"] = cookie end
    return wrk.format("POST", "/stories", headers, "")
  end
  if choice == nil then
    sent = "read"
    return wrk.format("GET", "/stories/" .. ride, { ["Cookie"] = cookie })
  end
  if sent ~= "choose" then
    sent = "choose"
    return wrk.format("POST", "/stories/" .. ride .. "/choices",
      { ["Content-Type"] = form, ["HX-Request"] = "true", ["Cookie"] = cookie },
      "step=" .. step .. "&choice=" .. choice .. "&stream=1")
  end
  sent = "stream"
  return wrk.format("GET", "/stories/" .. ride .. "/stops/" .. (step + 1) .. "/stream",
    { ["Accept"] = "text/event-stream", ["Cookie"] = cookie })
end

response = function(status, headers, body)
  if status == 303 then
    local issued = headers["Set-Cookie"]
    if issued then cookie = issued:match("^(lt_player=[^;]+)") end
    ride, step, choice = headers["Location"]:match("/stories/([%x%-]+)$"), nil, nil
  elseif status ~= 200 then
    ride, step, choice = nil, nil, nil -- board again
  elseif sent == "read" or sent == "stream" then
    -- the ride page, or the commit's controls; none (the terminus): board again
    from_html(body)
    if choice == nil then ride = nil end
  end
end
