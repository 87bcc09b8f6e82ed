-- Run by scripts/ardour-state-check.sh through Ardour's headless Lua tool (ardour7-lua), twice:
--   ardour7-lua state-euterpe.lua SESSION_DIR save   creates a session with Euterpe on a MIDI track, moves every
--                                                     automatable parameter away from its default, saves, closes
--   ardour7-lua state-euterpe.lua SESSION_DIR load   opens that session in a fresh process
-- Each run prints "param INDEX NAME VALUE" for those parameters as Ardour reads them back from the plug-in, then "ok".
-- Triggers (their press is an action, not a state), Bypass (Ardour keeps its own) and read-only ones are left alone.
local session_dir, mode = arg[1], arg[2]
assert(session_dir and (mode == "save" or mode == "load"), "usage: state-euterpe.lua SESSION_DIR save|load")
local skipped = { ["Bypass"] = true, ["Regenerate"] = true, ["Capture Clip"] = true, ["Store Theme"] = true,
  ["New Theme"] = true, ["Fill Clip"] = true }
AudioEngine:set_backend("JACK", "", "")
assert(AudioEngine:start(false) == 0, "the JACK backend did not start")
local s
if mode == "save" then
  s = create_session(session_dir, "euterpe", 48000)
  assert(s, "could not create a session in " .. session_dir)
  local info = ARDOUR.LuaAPI.new_plugin_info("Euterpe", ARDOUR.PluginType.VST3)
  assert(not info:isnil(), "Ardour does not know the Euterpe VST3 plug-in (is VST3_PATH set and the cache fresh?)")
  local tracks = s:new_midi_track(ARDOUR.ChanCount(ARDOUR.DataType("midi"), 1), ARDOUR.ChanCount(ARDOUR.DataType("audio"), 2),
    true, info, nil, nil, 1, "Euterpe", ARDOUR.PresentationInfo.max_order, ARDOUR.TrackMode.Normal, true, false)
  assert(tracks:size() == 1, "no MIDI track was added")
else
  s = load_session(session_dir, "euterpe")
  assert(s, "could not load the session in " .. session_dir)
end
local route = s:route_by_name("Euterpe")
assert(not route:isnil(), "the session has no Euterpe track")
local insert = route:nth_plugin(0):to_insert()
local plugin = insert:plugin(0)
assert(plugin:name() == "Euterpe", "the track's instrument is " .. plugin:name())
for i = 0, plugin:parameter_count() - 1 do
  local port = plugin:nth_parameter(i, false)
  local _, d = plugin:get_parameter_descriptor(port, ARDOUR.ParameterDescriptor())
  local desc = d[2]
  if plugin:parameter_is_input(port) and not skipped[desc.label] then
    if mode == "save" then
      -- Off the default: a switch flips; a range goes to 30 % of the way from its lower end (or 70 % if that is the default).
      local value = desc.toggled and (1 - desc.normal) or desc.lower + 0.3 * (desc.upper - desc.lower)
      if not desc.toggled and math.abs(value - desc.normal) < 1e-6 then value = desc.lower + 0.7 * (desc.upper - desc.lower) end
      assert(ARDOUR.LuaAPI.set_plugin_insert_param(insert, i, value), "could not set " .. desc.label)
    end
    print(string.format("param %d %s %.6f", i, desc.label:gsub(" ", "_"), ARDOUR.LuaAPI.get_plugin_insert_param(insert, i, false)))
  end
end
-- The host hands the new values to the processor in its next process calls; a second of running lets them arrive.
if mode == "save" then ARDOUR.LuaAPI.usleep(1000000); s:save_state("", false, false, false, false, false) end
close_session()
print("ok")
