-- wrk script: each connection plays rides the htmx way, one request at a time:
--   board      POST /stories                      offline storyteller + one transaction, 303
--   read       GET  /stories/{id}                 the ride page (database read + render)
--   choose     POST /stories/{id}/choices (HX)    offline storyteller + one transaction + fragment render
-- Run with as many threads as connections (-t N -c N) so each Lua state drives exactly one connection.

local ride, cookie, step, choice = nil, nil, nil, nil
local form = "application/x-www-form-urlencoded"

local function from_html(body)
  step = body:match('name="step" value="(%d+)"') or step
  choice = body:match('name="choice"[^>]-value="(%w+)"')
end

request = function()
  if ride == nil then
    local headers = { ["Content-Type"] = form }
    if cookie then headers["Cookie"] = cookie end
    return wrk.format("POST", "/stories", headers, "")
  end
  if choice == nil then
    return wrk.format("GET", "/stories/" .. ride, { ["Cookie"] = cookie })
  end
  return wrk.format("POST", "/stories/" .. ride .. "/choices",
    { ["Content-Type"] = form, ["HX-Request"] = "true", ["Cookie"] = cookie },
    "step=" .. step .. "&choice=" .. choice)
end

response = function(status, headers, body)
  if status == 303 then
    local issued = headers["Set-Cookie"]
    if issued then cookie = issued:match("^(lt_player=[^;]+)") end
    ride, step, choice = headers["Location"]:match("/stories/([%x%-]+)$"), nil, nil
  elseif status == 200 then
    from_html(body)
    if choice == nil then ride = nil end -- the terminus (or no form): board again
  else
    ride, choice = nil, nil
  end
end
