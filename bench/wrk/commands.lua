-- wrk script: every request POSTs one new, always-accepted command (a ward setting flip) with a
-- unique id, so each is a durable write. Token and wards from the environment (bench/wrk/run.sh).
local token = os.getenv("SHIFTBANK_TOKEN")
local wards = {"w01", "w02", "w03", "w04", "w05"}
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local id = string.format("wrk-%d-%d-%d", tid or 0, os.time(), counter)
  local ward = wards[(counter % #wards) + 1]
  local body = string.format('{"commands":[{"id":"%s","type":"set_ward_policy","payload":{"ward":"%s","instant_booking":%s}}]}',
                             id, ward, counter % 2 == 0 and "true" or "false")
  return wrk.format("POST", "/api/commands", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

function response(status, headers, body)
  if status ~= 200 then print("unexpected status " .. status .. ": " .. body) end
end
