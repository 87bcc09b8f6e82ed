"""A minimal stand-alone VST3 host: dlopen Euterpe.so, call ModuleEntry and GetPluginFactory, walk the
factory through raw vtable calls (ctypes only), create the processor, initialize it, count its buses,
tear everything down, and print one JSON object. Used by BundleLoadTests from a separate process."""
import ctypes
import json
import struct
import sys


def iid(l1, l2, l3, l4):
    # Non-COM (Linux) TUID: the four 32-bit words big-endian.
    return struct.pack(">IIII", l1, l2, l3, l4)


ICOMPONENT = iid(0xE831FF31, 0xF2D54301, 0x928EBBEE, 0x25697802)
IAUDIOPROCESSOR = iid(0x42043F99, 0xB7DA453C, 0xA569E79D, 0x9AAEC33D)


def method(obj, slot, restype, *argtypes):
    vtable = ctypes.cast(ctypes.c_void_p(obj), ctypes.POINTER(ctypes.POINTER(ctypes.c_void_p)))[0]
    function = ctypes.CFUNCTYPE(restype, ctypes.c_void_p, *argtypes)(vtable[slot])
    return lambda *args: function(obj, *args)


def cstr(raw):
    return raw.split(b"\0", 1)[0].decode("utf-8")


def main(path):
    lib = ctypes.CDLL(path, mode=ctypes.RTLD_LOCAL)
    out = {"moduleEntry": bool(ctypes.CFUNCTYPE(ctypes.c_bool, ctypes.c_void_p)(("ModuleEntry", lib))(None))}
    factory = ctypes.CFUNCTYPE(ctypes.c_void_p)(("GetPluginFactory", lib))()
    out["factory"] = bool(factory)
    if factory:
        info = ctypes.create_string_buffer(452)
        out["getFactoryInfo"] = method(factory, 3, ctypes.c_int32, ctypes.c_void_p)(info)
        out["vendor"] = cstr(info.raw[0:64])
        count = method(factory, 4, ctypes.c_int32)()
        out["classes"] = []
        for index in range(count):
            ci = ctypes.create_string_buffer(116)
            method(factory, 5, ctypes.c_int32, ctypes.c_int32, ctypes.c_void_p)(index, ci)
            out["classes"].append({"cid": ci.raw[0:16].hex().upper(), "category": cstr(ci.raw[20:52]), "name": cstr(ci.raw[52:116])})
        processor_cid = next(c["cid"] for c in out["classes"] if c["category"] == "Audio Module Class")
        component = ctypes.c_void_p()
        out["createInstance"] = method(factory, 6, ctypes.c_int32, ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p))(
            bytes.fromhex(processor_cid), ICOMPONENT, ctypes.byref(component))
        component = component.value
        out["initialize"] = method(component, 3, ctypes.c_int32, ctypes.c_void_p)(None)
        bus_count = method(component, 7, ctypes.c_int32, ctypes.c_int32, ctypes.c_int32)
        out["buses"] = {"audioIn": bus_count(0, 0), "audioOut": bus_count(0, 1), "eventIn": bus_count(1, 0), "eventOut": bus_count(1, 1)}
        processor = ctypes.c_void_p()
        out["queryAudioProcessor"] = method(component, 0, ctypes.c_int32, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p))(
            IAUDIOPROCESSOR, ctypes.byref(processor))
        out["canProcess64"] = method(processor.value, 5, ctypes.c_int32, ctypes.c_int32)(1)
        method(processor.value, 2, ctypes.c_uint32)()
        out["terminate"] = method(component, 4, ctypes.c_int32)()
        out["lastRelease"] = method(component, 2, ctypes.c_uint32)()
        method(factory, 2, ctypes.c_uint32)()
    out["moduleExit"] = bool(ctypes.CFUNCTYPE(ctypes.c_bool)(("ModuleExit", lib))())
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
