-- Run by scripts/ardour-check.sh through Ardour's headless Lua tool (ardour7-lua):
--   ardour7-lua export-euterpe.lua SESSION_DIR OUT_DIR SECONDS
-- Creates a session, adds a MIDI track with the Euterpe instrument (found through VST3_PATH), and exports
-- SECONDS from the start of the timeline to OUT_DIR/ardour.wav with Ardour's "WAV @ session-rate" preset,
-- as a producer would bounce the instrument's part. Prints "ok" when the export ran.
local session_dir, out_dir, seconds = arg[1], arg[2], tonumber(arg[3])
assert(session_dir and out_dir and seconds, "usage: export-euterpe.lua SESSION_DIR OUT_DIR SECONDS")
AudioEngine:set_backend("JACK", "", "")
assert(AudioEngine:start(false) == 0, "the JACK backend did not start")
local s = create_session(session_dir, "euterpe", 48000)
assert(s, "could not create a session in " .. session_dir)
local info = ARDOUR.LuaAPI.new_plugin_info("Euterpe", ARDOUR.PluginType.VST3)
assert(not info:isnil(), "Ardour does not know the Euterpe VST3 plug-in (is VST3_PATH set and the cache fresh?)")
local tracks = s:new_midi_track(ARDOUR.ChanCount(ARDOUR.DataType("midi"), 1), ARDOUR.ChanCount(ARDOUR.DataType("audio"), 2),
  true, info, nil, nil, 1, "Euterpe", ARDOUR.PresentationInfo.max_order, ARDOUR.TrackMode.Normal, true, false)
assert(tracks:size() == 1, "no MIDI track was added")
for t in tracks:iter() do
  local plugin = t:nth_plugin(0)
  assert(not plugin:isnil() and plugin:display_name() == "Euterpe", "the track has no Euterpe instrument")
end
local export = s:simple_export()
export:set_name("ardour")
export:set_folder(out_dir)
export:set_range(0, math.floor(48000 * seconds))
assert(export:set_preset("75969a1c-3133-4694-864b-a1fa50e43348"), "Ardour's WAV export preset is missing")
assert(export:check_outputs(), "the export has no outputs")
assert(export:run_export(), "the export failed")
close_session()
print("ok")
