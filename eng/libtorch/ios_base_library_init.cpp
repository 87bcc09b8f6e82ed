// GCC 13's libstdc++ initialises iostreams once through this function, and code built with GCC 13 (TorchSharp's
// libLibTorchSharp.so) calls it. GCC 12's libstdc++ (Debian 12) has no such function: it initialises iostreams from
// each translation unit that includes <iostream>, so there is nothing left for this one to do.
namespace std {
void ios_base_library_init() {}
}
