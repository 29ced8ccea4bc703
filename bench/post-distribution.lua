-- wrk script: POSTs the captured distribution manifest-push notification with a fresh event id per request,
-- so every request is a new event that ingest must publish (no dedupe short-cut).
local template = nil
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local f = assert(io.open(args[1], "rb"))
  template = f:read("*all")
  f:close()
  thread_id = tid
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/vnd.docker.distribution.events.v1+json"
  wrk.headers["Authorization"] = "Bearer " .. args[2]
end

function request()
  counter = counter + 1
  local id = string.format("wrk-%d-%d-%d", thread_id, counter, os.time())
  local body = template:gsub("955868b8%-5334%-4f56%-88f0%-3d989f488951", id)
  return wrk.format(nil, nil, nil, body)
end
