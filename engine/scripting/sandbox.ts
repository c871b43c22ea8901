/**
 * The Lua source that turns a fresh state into Redis 7.0's script environment: Lua 5.1 names,
 * no file/OS access, and read-only globals and libraries. It runs once per state, with
 * `protect` and `readonlyError` helpers in scope, and returns the table that holds the real
 * globals (KEYS/ARGV are stored there per call).
 */
export const SANDBOX_SOURCE = `
local globals = _G
local setmetatable, error, tostring, next, type, pairs = setmetatable, error, tostring, next, type, pairs

-- Lua 5.1 functions Redis scripts may rely on.
unpack = table.unpack
local load = load
loadstring = function(source, chunkname)
  if type(source) ~= "string" then error("bad argument #1 to 'loadstring' (string expected, got " .. type(source) .. ")", 2) end
  return load(source, chunkname, "t")
end
gcinfo = function() return math.floor(collectgarbage("count")) end
table.getn = function(t) return #t end
table.maxn = function(t)
  local max = 0
  for key in pairs(t) do if type(key) == "number" and key > max then max = key end end
  return max
end
table.foreach = function(t, f)
  for key, value in pairs(t) do local result = f(key, value) if result ~= nil then return result end end
end
table.foreachi = function(t, f)
  for i = 1, #t do local result = f(i, t[i]) if result ~= nil then return result end end
end
local exp, log, atan = math.exp, math.log, math.atan
_VERSION = "Lua 5.1"
math.mod = math.fmod
math.atan2 = function(y, x) return atan(y, x) end
-- 5.1's math.log takes no base.
math.log = function(x) return log(x) end
string.gfind = string.gmatch
math.pow = function(x, y) return x ^ y end
math.ldexp = function(m, e) return m * 2.0 ^ e end
math.log10 = function(x) return log(x, 10) end
math.cosh = function(x) return (exp(x) + exp(-x)) / 2 end
math.sinh = function(x) return (exp(x) - exp(-x)) / 2 end
math.tanh = function(x) local a, b = exp(x), exp(-x) return (a - b) / (a + b) end

-- Lua 5.3 additions that 5.1 does not have, and everything Redis removes.
table.pack, table.move, table.unpack = nil, nil, nil
math.type, math.tointeger, math.ult, math.maxinteger, math.mininteger = nil, nil, nil, nil, nil
coroutine.isyieldable = nil
string.pack, string.unpack, string.packsize = nil, nil, nil
for _, name in ipairs({ "rawlen", "utf8", "print", "dofile", "loadfile", "require", "package", "os", "io", "debug", "module", "setfenv", "getfenv", "newproxy" }) do
  globals[name] = nil
end

local function readonly() error("Attempt to modify a readonly table", 2) end
-- A read-only view: reads and pairs() reach the real table, writes raise Redis's error.
local function protect(t)
  return setmetatable({}, { __index = t, __newindex = readonly, __pairs = function() return next, t, nil end, __metatable = false })
end
for _, name in ipairs({ "string", "table", "math", "coroutine", "redis", "bit", "cjson", "struct", "cmsgpack" }) do
  if globals[name] ~= nil then globals[name] = protect(globals[name]) end
end
setmetatable(globals, { __index = function(_, name)
  error("Script attempted to access nonexistent global variable '" .. tostring(name) .. "'", 2)
end })
local view = protect(globals)
globals._G = view
return globals, view
`;
