-- Run by scripts/ardour-check.sh through `ardour7-lua` (Ardour's headless Lua session tool).
-- Makes a new session, adds one MIDI track whose instrument is the Euterpe VST3, sets the plug-in's
-- Seed parameter, and saves the session so `ardour7-export` can render it.
-- Settings come from the environment: EUTERPE_ARDOUR_DIR (session folder, must not exist),
-- EUTERPE_ARDOUR_SEED (plain value of the Seed parameter), EUTERPE_ARDOUR_RATE (sample rate).
local dir = os.getenv("EUTERPE_ARDOUR_DIR")
local seed = tonumber(os.getenv("EUTERPE_ARDOUR_SEED") or "0")
local rate = tonumber(os.getenv("EUTERPE_ARDOUR_RATE") or "48000")
assert(dir, "EUTERPE_ARDOUR_DIR not set")

AudioEngine:set_backend("None (Dummy)", "", "")
AudioEngine:set_sample_rate(rate)
AudioEngine:start(false)
local s = create_session(dir, "euterpe", rate)
assert(s, dir .. ": Ardour could not create the session")

local info = ARDOUR.LuaAPI.new_plugin_info("Euterpe", ARDOUR.PluginType.VST3)
assert(not info:isnil(), "Ardour does not list the Euterpe VST3 (scan the bundle with ardour-vst3-scanner first)")
local midi = ARDOUR.ChanCount(ARDOUR.DataType("midi"), 1)
local stereo = ARDOUR.ChanCount(ARDOUR.DataType("audio"), 2)
local tracks = s:new_midi_track(midi, stereo, true, info, nil, nil, 1, "Euterpe",
  ARDOUR.PresentationInfo.max_order, ARDOUR.TrackMode.Normal, true, false)
assert(tracks:size() == 1, "no MIDI track made")
local insert = tracks:front():nth_plugin(0):to_insert()
assert(not insert:isnil(), "the MIDI track has no instrument")
local plugin = insert:plugin(0)
print("EUTERPE-ARDOUR instrument", plugin:name())

-- Find parameters by label, so the script does not depend on parameter order.
local function param(label)
  for j = 0, plugin:parameter_count() - 1 do
    if plugin:parameter_label(j) == label then return j end
  end
  error("the instrument has no parameter '" .. label .. "'")
end
assert(ARDOUR.LuaAPI.set_plugin_insert_param(insert, param("Seed"), seed), "could not set Seed")
for j = 0, plugin:parameter_count() - 1 do
  print("EUTERPE-ARDOUR param", plugin:parameter_label(j), ARDOUR.LuaAPI.get_plugin_insert_param(insert, j, true))
end
s:save_state("", false, false, false, false, false)
close_session()
print("EUTERPE-ARDOUR saved", dir)
