"""Times a VST3 bundle from a C host's side (Python ctypes: no .NET in this process, as in a DAW).

  python3 bundle_bench.py LIBRARY.so [SECONDS=60] [BLOCK=64]

Load to first note: dlopen, ModuleEntry, GetPluginFactory, createInstance, initialize, setupProcessing (48 kHz, real
time), activateBus, setActive, setProcessing, then one process() block with a note-on at sample 0, whose output must
not be silent; the wall time of all that. Then process() in real time (each block waits, untimed, for its deadline)
with the transport playing for SECONDS, while the instrument generates from the preset in its first Model slot
(EUTERPE_PRESETS names it): median, p99 and worst process() time, and how many blocks ran past their budget.
Prints one JSON object."""
import ctypes
import json
import os
import struct
import sys
import time

RATE = 48000.0
ICOMPONENT = struct.pack(">IIII", 0xE831FF31, 0xF2D54301, 0x928EBBEE, 0x25697802)
IAUDIOPROCESSOR = struct.pack(">IIII", 0x42043F99, 0xB7DA453C, 0xA569E79D, 0x9AAEC33D)
IEVENTLIST = struct.pack(">IIII", 0x3A2C4214, 0x346349FE, 0xB2C4F397, 0xB9695A44)


def method(obj, slot, restype, *argtypes):
    vtable = ctypes.cast(ctypes.c_void_p(obj), ctypes.POINTER(ctypes.POINTER(ctypes.c_void_p)))[0]
    function = ctypes.CFUNCTYPE(restype, ctypes.c_void_p, *argtypes)(vtable[slot])
    return lambda *args: function(obj, *args)


class Event(ctypes.Structure):
    _fields_ = [("bus", ctypes.c_int32), ("offset", ctypes.c_int32), ("ppq", ctypes.c_double), ("flags", ctypes.c_uint16),
                ("type", ctypes.c_uint16), ("pad", ctypes.c_uint32), ("channel", ctypes.c_int16), ("pitch", ctypes.c_int16),
                ("tuning", ctypes.c_float), ("velocity", ctypes.c_float), ("length", ctypes.c_int32), ("note_id", ctypes.c_int32),
                ("rest", ctypes.c_byte * 4)]


class EventList:
    """An IEventList the plug-in calls back: the input list (notes we send) or the output list (note-ons it sends)."""

    def __init__(self):
        self.events, self.note_ons = [], 0
        types = [ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)),
                 ctypes.CFUNCTYPE(ctypes.c_uint32, ctypes.c_void_p), ctypes.CFUNCTYPE(ctypes.c_uint32, ctypes.c_void_p),
                 ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_void_p),
                 ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_void_p, ctypes.c_int32, ctypes.POINTER(Event)),
                 ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_void_p, ctypes.POINTER(Event))]
        self.functions = [types[0](self.query), types[1](lambda s: 1), types[2](lambda s: 1), types[3](lambda s: len(self.events)),
                          types[4](self.get), types[5](self.add)]
        self.vtable = (ctypes.c_void_p * 6)(*[ctypes.cast(f, ctypes.c_void_p) for f in self.functions])
        self.object = ctypes.pointer(ctypes.c_void_p(ctypes.addressof(self.vtable)))
        self.pointer = ctypes.cast(self.object, ctypes.c_void_p)

    def query(self, this, iid, out):
        if ctypes.string_at(iid, 16) == IEVENTLIST:
            out[0] = this
            return 0
        out[0] = None
        return -1

    def get(self, this, index, event):
        if not 0 <= index < len(self.events):
            return 2
        event[0] = self.events[index]
        return 0

    def add(self, this, event):
        if event[0].type == 0:
            self.note_ons += 1
        return 0


def main(path, seconds, block):
    started = time.perf_counter_ns()
    lib = ctypes.CDLL(path, mode=ctypes.RTLD_LOCAL)
    assert ctypes.CFUNCTYPE(ctypes.c_bool, ctypes.c_void_p)(("ModuleEntry", lib))(lib._handle)
    factory = ctypes.CFUNCTYPE(ctypes.c_void_p)(("GetPluginFactory", lib))()
    assert factory, "no factory"
    info = ctypes.create_string_buffer(116)
    method(factory, 5, ctypes.c_int32, ctypes.c_int32, ctypes.c_void_p)(0, info)
    component = ctypes.c_void_p()
    assert method(factory, 6, ctypes.c_int32, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p))(
        info.raw[0:16], ICOMPONENT, ctypes.byref(component)) == 0
    component = component.value
    assert method(component, 3, ctypes.c_int32, ctypes.c_void_p)(None) == 0
    processor = ctypes.c_void_p()
    assert method(component, 0, ctypes.c_int32, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p))(IAUDIOPROCESSOR, ctypes.byref(processor)) == 0
    processor = processor.value
    setup = struct.pack("<iii4xd", 0, 0, block, RATE)  # ProcessSetup: realtime, 32-bit, max block, rate
    assert method(processor, 7, ctypes.c_int32, ctypes.c_char_p)(setup) == 0
    method(component, 10, ctypes.c_int32, ctypes.c_int32, ctypes.c_int32, ctypes.c_int32, ctypes.c_ubyte)(0, 1, 0, 1)  # audio out
    method(component, 10, ctypes.c_int32, ctypes.c_int32, ctypes.c_int32, ctypes.c_int32, ctypes.c_ubyte)(1, 0, 0, 1)  # event in
    assert method(component, 11, ctypes.c_int32, ctypes.c_ubyte)(1) == 0
    method(processor, 8, ctypes.c_int32, ctypes.c_ubyte)(1)

    left, right = (ctypes.c_float * block)(), (ctypes.c_float * block)()
    channels = (ctypes.c_void_p * 2)(ctypes.addressof(left), ctypes.addressof(right))
    bus = struct.pack("<i4xQQ", 2, 0, ctypes.addressof(channels))
    bus_buffer = ctypes.create_string_buffer(bus, len(bus))
    context = ctypes.create_string_buffer(160)
    inputs, outputs = EventList(), EventList()
    data = ctypes.create_string_buffer(struct.pack("<iiiii4xQQQQQQQ", 0, 0, block, 0, 1, 0, ctypes.addressof(bus_buffer), 0, 0,
                                                   inputs.pointer.value, outputs.pointer.value, ctypes.addressof(context)), 80)
    process = method(processor, 9, ctypes.c_int32, ctypes.c_void_p)

    def fill(sample):
        beats = sample / RATE * 2.0  # 120 BPM
        # state: playing | tempo | time signature | project time music valid
        struct.pack_into("<I4xdqqqddddd", context, 0, (1 << 1) | (1 << 9) | (1 << 10) | (1 << 13), RATE, sample, 0, sample,
                         beats, (beats // 4) * 4, 0.0, 0.0, 120.0)
        struct.pack_into("<ii", context, 80, 4, 4)

    note = Event(bus=0, offset=0, ppq=0.0, flags=0, type=0, channel=0, pitch=60, tuning=0.0, velocity=0.8, length=0, note_id=-1)
    inputs.events = [note]
    fill(0)
    assert process(ctypes.addressof(data)) == 0
    first_note_ms = (time.perf_counter_ns() - started) / 1e6
    peak = max(max(abs(v) for v in left), max(abs(v) for v in right))
    inputs.events = []

    blocks = int(seconds * RATE / block)
    budget_ns = block / RATE * 1e9
    times = []
    begin = time.perf_counter_ns()
    for i in range(1, blocks + 1):
        deadline = begin + i * budget_ns
        fill(i * block)
        t0 = time.perf_counter_ns()
        process(ctypes.addressof(data))
        times.append(time.perf_counter_ns() - t0)
        wait = (deadline - time.perf_counter_ns()) / 1e9
        if wait > 0:
            time.sleep(wait)
    times.sort()
    method(processor, 8, ctypes.c_int32, ctypes.c_ubyte)(0)
    method(component, 11, ctypes.c_int32, ctypes.c_ubyte)(0)
    method(processor, 2, ctypes.c_uint32)()
    method(component, 4, ctypes.c_int32)()
    method(component, 2, ctypes.c_uint32)()
    method(factory, 2, ctypes.c_uint32)()
    ctypes.CFUNCTYPE(ctypes.c_bool)(("ModuleExit", lib))()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))] / 1e3
    print(json.dumps({
        "library": path, "first_note_ms": round(first_note_ms, 1), "first_block_peak": round(peak, 4),
        "blocks": len(times), "block": block, "budget_us": round(budget_ns / 1e3, 1),
        "median_us": round(pick(0.5), 1), "p99_us": round(pick(0.99), 1), "worst_us": round(times[-1] / 1e3, 1),
        "over_budget": sum(1 for t in times if t > budget_ns), "generated_note_ons": outputs.note_ons}))


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 60.0, int(sys.argv[3]) if len(sys.argv) > 3 else 64)
