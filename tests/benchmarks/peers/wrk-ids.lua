-- wrk script for compare.sh: GET every operation of an id file in turn, with the token.
-- wrk -s wrk-ids.lua URL -- IDS_FILE TOKEN
local ids = {}
local token = ""
local next_id = 1

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  token = args[2]
end

function request()
  local id = ids[next_id]
  next_id = next_id % #ids + 1
  return wrk.format("GET", "/v1.0/reports/partners/billing/operations/" .. id,
                    { ["Authorization"] = "Bearer " .. token })
end
