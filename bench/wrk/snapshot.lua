-- wrk script: GET /api/snapshot as a signed-in manager-level user (gzip, as browsers ask).
local token = os.getenv("SHIFTBANK_TOKEN")
function request()
  return wrk.format("GET", "/api/snapshot", {["Authorization"] = "Bearer " .. token, ["Accept-Encoding"] = "gzip"})
end
