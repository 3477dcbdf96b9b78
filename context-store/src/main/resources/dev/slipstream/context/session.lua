#!lua
--[[
The session operations of RedisContextStore. Each runs atomically and checks everything before it
writes anything, so a refused operation leaves no trace. The '#!lua' line makes Redis refuse a script
up front when it is out of memory, rather than fail it between two writes.

ARGV[1] names the operation. Session operations take KEYS[1] = {sess:<id>}:meta (hash) and
KEYS[2] = {sess:<id>}:msgs (list), which share one hash slot. 'page' takes KEYS[1] = the tenant index
{tenant:<t>}:sessions (sorted set). No operation writes the tenant index: it lives in another slot,
and the store updates it in a second step.

Replies: {'ok', ...}, {'not_found'}, {'conflict', currentVersion}, {'limit', limit, value, max} (limit
as named in ContextLimit), {'exists'}.
Timestamps (microseconds) are stored as the strings Java sent, never turned into Lua numbers
(doubles); counters (version, count, bytes) are small integers.
]]

local meta, msgs = KEYS[1], KEYS[2]

local function refresh_ttl(ttl_millis)
  redis.call('PEXPIRE', meta, ttl_millis)
  redis.call('PEXPIRE', msgs, ttl_millis)
end

-- RPUSH ARGV[first..] in chunks: unpack() of thousands of values would overflow Lua's stack.
local function push_messages(first)
  for i = first, #ARGV, 100 do
    redis.call('RPUSH', msgs, unpack(ARGV, i, math.min(i + 99, #ARGV)))
  end
end

-- The tenant and the named fields, or nil when the session is absent or another tenant's.
local function owned(tenant, ...)
  local fields = redis.call('HMGET', meta, 'tenant', ...)
  if fields[1] ~= tenant then
    return nil
  end
  return fields
end

-- ARGV: tenant, nowMicros, ttlMillis, metadataJson, bytes, message...
local function create()
  if redis.call('EXISTS', meta) == 1 then
    return {'exists'}
  end
  redis.call('HSET', meta, 'tenant', ARGV[2], 'created', ARGV[3], 'updated', ARGV[3], 'version', 1,
             'ttl', ARGV[4], 'metadata', ARGV[5], 'bytes', ARGV[6], 'count', #ARGV - 6, 'summaryBytes', 0)
  push_messages(7)
  refresh_ttl(ARGV[4])
  return {'ok'}
end

-- ARGV: tenant
local function get()
  if not owned(ARGV[2]) then
    return {'not_found'}
  end
  return {'ok', redis.call('HGETALL', meta), redis.call('LRANGE', msgs, 0, -1)}
end

-- ARGV: tenant, expectedVersion, nowMicros, addedBytes, maxMessages, maxSessionBytes, message...
local function append()
  local f = owned(ARGV[2], 'version', 'count', 'bytes', 'ttl')
  if not f then
    return {'not_found'}
  end
  if f[2] ~= ARGV[3] then
    return {'conflict', tonumber(f[2])}
  end
  local count, max_messages = tonumber(f[3]) + #ARGV - 7, tonumber(ARGV[6])
  if count > max_messages then
    return {'limit', 'MESSAGES', count, max_messages}
  end
  local bytes, max_bytes = tonumber(f[4]) + tonumber(ARGV[5]), tonumber(ARGV[7])
  if bytes > max_bytes then
    return {'limit', 'SESSION_BYTES', bytes, max_bytes}
  end
  push_messages(8)
  local version = tonumber(f[2]) + 1
  redis.call('HSET', meta, 'updated', ARGV[4], 'version', version, 'count', count, 'bytes', bytes)
  refresh_ttl(f[5])
  return {'ok', version}
end

-- ARGV: tenant, expectedVersion, nowMicros, text, summarizedThroughIndex ('' for none), textBytes,
--       maxSessionBytes
local function summarize()
  local f = owned(ARGV[2], 'version', 'bytes', 'summaryBytes', 'ttl')
  if not f then
    return {'not_found'}
  end
  if f[2] ~= ARGV[3] then
    return {'conflict', tonumber(f[2])}
  end
  local bytes, max_bytes = tonumber(f[3]) - tonumber(f[4]) + tonumber(ARGV[7]), tonumber(ARGV[8])
  if bytes > max_bytes then
    return {'limit', 'SESSION_BYTES', bytes, max_bytes}
  end
  local version = tonumber(f[2]) + 1
  redis.call('HSET', meta, 'summary', ARGV[5], 'summaryBytes', ARGV[7], 'updated', ARGV[4],
             'version', version, 'bytes', bytes)
  if ARGV[6] == '' then
    redis.call('HDEL', meta, 'summaryThrough')
  else
    redis.call('HSET', meta, 'summaryThrough', ARGV[6])
  end
  refresh_ttl(f[5])
  return {'ok', version}
end

-- ARGV: tenant
local function touch()
  local f = owned(ARGV[2], 'ttl')
  if not f then
    return {'not_found'}
  end
  refresh_ttl(f[2])
  return {'ok'}
end

-- ARGV: tenant
local function delete()
  if not owned(ARGV[2]) then
    return {'not_found'}
  end
  redis.call('DEL', meta, msgs)
  return {'ok'}
end

-- KEYS[1] = tenant index. ARGV: maxScore ('+inf' for the first page), limit.
-- Reads past the entries tied at maxScore too: the caller drops those it already returned.
local function page()
  local tied = 0
  if ARGV[2] ~= '+inf' then
    tied = redis.call('ZCOUNT', KEYS[1], ARGV[2], ARGV[2])
  end
  return {'ok', redis.call('ZREVRANGEBYSCORE', KEYS[1], ARGV[2], '-inf', 'WITHSCORES',
                           'LIMIT', 0, tonumber(ARGV[3]) + tied)}
end

local operations = {
  create = create, get = get, append = append, summary = summarize, touch = touch, delete = delete,
  page = page
}
return operations[ARGV[1]]()
