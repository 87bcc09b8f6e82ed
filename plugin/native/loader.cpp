// Euterpe VST3 loader: the native face of a managed plug-in.
// A VST3 host dlopen()s Euterpe.so and calls GetPluginFactory. We boot .NET through hostfxr using
// Euterpe.runtimeconfig.json beside this library, load Euterpe.dll, and ask one
// [UnmanagedCallersOnly] method for the IPluginFactory pointer. Any failure is logged and answered
// with nullptr: a missing runtime must never take the host down.
#include <dlfcn.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <mutex>
#include <string>

#include <coreclr_delegates.h>
#include <hostfxr.h>
#include <nethost.h>

#define EUTERPE_EXPORT extern "C" __attribute__((visibility("default")))

namespace {

constexpr const char* kManagedType = "Euterpe.Plugin.PluginEntry, Euterpe";
constexpr const char* kManagedMethod = "GetPluginFactory";

using GetFactoryFn = void* (*)();

std::mutex gLock;
GetFactoryFn gGetFactory = nullptr;
bool gBootFailed = false;

std::string logPath() {
    std::string dir;
    if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state)
        dir = std::string(state) + "/euterpe";
    else if (const char* home = std::getenv("HOME"); home && *home)
        dir = std::string(home) + "/.local/share/euterpe";
    else
        return {};
    // Create each missing component; mkdir on an existing directory is harmless.
    for (size_t pos = 1; (pos = dir.find('/', pos)) != std::string::npos; ++pos)
        mkdir(dir.substr(0, pos).c_str(), 0755);
    mkdir(dir.c_str(), 0755);
    return dir + "/plugin.log";
}

// Writes one line to stderr and appends it to the log file.
void logLine(const char* format, ...) {
    char message[2048];
    va_list args;
    va_start(args, format);
    std::vsnprintf(message, sizeof message, format, args);
    va_end(args);
    std::fprintf(stderr, "euterpe-vst3: %s\n", message);
    const std::string path = logPath();
    if (path.empty()) return;
    if (FILE* file = std::fopen(path.c_str(), "a")) {
        char stamp[32];
        const std::time_t now = std::time(nullptr);
        std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
        std::fprintf(file, "%s %s\n", stamp, message);
        std::fclose(file);
    }
}

void HOSTFXR_CALLTYPE hostfxrError(const char_t* message) { logLine("hostfxr: %s", message); }

// Directory that holds this shared library (found through one of our own symbols).
std::string moduleDirectory() {
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&moduleDirectory), &info) == 0 || !info.dli_fname) return {};
    std::string path = info.dli_fname;
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

bool fileExists(const std::string& path) {
    struct stat st {};
    return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

template <typename T>
T symbol(void* library, const char* name) {
    void* address = dlsym(library, name);
    if (!address) logLine("hostfxr lacks %s", name);
    return reinterpret_cast<T>(address);
}

// Boots the runtime and resolves the managed factory entry. Caller holds gLock.
GetFactoryFn boot() {
    const std::string dir = moduleDirectory();
    if (dir.empty()) { logLine("cannot find the plug-in's own directory (dladdr failed)"); return nullptr; }
    const std::string config = dir + "/Euterpe.runtimeconfig.json";
    const std::string assembly = dir + "/Euterpe.dll";
    for (const std::string* file : {&config, &assembly})
        if (!fileExists(*file)) { logLine("%s: missing (the bundle is incomplete)", file->c_str()); return nullptr; }

    char_t hostfxrPath[4096];
    size_t size = sizeof hostfxrPath / sizeof(char_t);
    get_hostfxr_parameters parameters{sizeof(get_hostfxr_parameters), assembly.c_str(), nullptr};
    if (int rc = get_hostfxr_path(hostfxrPath, &size, &parameters); rc != 0) {
        logLine(".NET runtime not found (get_hostfxr_path 0x%x); install .NET 10 or set DOTNET_ROOT", rc);
        return nullptr;
    }
    void* hostfxr = dlopen(hostfxrPath, RTLD_NOW | RTLD_LOCAL);
    if (!hostfxr) { logLine("%s: %s", hostfxrPath, dlerror()); return nullptr; }

    auto setErrorWriter = symbol<hostfxr_set_error_writer_fn>(hostfxr, "hostfxr_set_error_writer");
    auto initialize = symbol<hostfxr_initialize_for_runtime_config_fn>(hostfxr, "hostfxr_initialize_for_runtime_config");
    auto getDelegate = symbol<hostfxr_get_runtime_delegate_fn>(hostfxr, "hostfxr_get_runtime_delegate");
    auto close = symbol<hostfxr_close_fn>(hostfxr, "hostfxr_close");
    if (!setErrorWriter || !initialize || !getDelegate || !close) return nullptr;
    setErrorWriter(hostfxrError);

    hostfxr_handle context = nullptr;
    const int initRc = initialize(config.c_str(), nullptr, &context);
    // 0 = started, 1 = already running in this process, 2 = running with other properties: all usable.
    if (initRc < 0 || initRc > 2 || !context) {
        logLine("%s: hostfxr_initialize_for_runtime_config failed (0x%x)", config.c_str(), initRc);
        if (context) close(context);
        setErrorWriter(nullptr);
        return nullptr;
    }
    load_assembly_and_get_function_pointer_fn loadAssembly = nullptr;
    int rc = getDelegate(context, hdt_load_assembly_and_get_function_pointer, reinterpret_cast<void**>(&loadAssembly));
    close(context);
    if (rc != 0 || !loadAssembly) {
        logLine("hostfxr_get_runtime_delegate failed (0x%x)", rc);
        setErrorWriter(nullptr);
        return nullptr;
    }
    void* entry = nullptr;
    rc = loadAssembly(assembly.c_str(), kManagedType, kManagedMethod, UNMANAGEDCALLERSONLY_METHOD, nullptr, &entry);
    setErrorWriter(nullptr);
    if (rc != 0 || !entry) {
        logLine("%s: cannot load %s.%s (0x%x)", assembly.c_str(), kManagedType, kManagedMethod, rc);
        return nullptr;
    }
    return reinterpret_cast<GetFactoryFn>(entry);
}

}  // namespace

EUTERPE_EXPORT void* GetPluginFactory() {
    std::lock_guard<std::mutex> guard(gLock);
    if (!gGetFactory && !gBootFailed) {
        gGetFactory = boot();
        gBootFailed = gGetFactory == nullptr;
    }
    if (!gGetFactory) return nullptr;
    void* factory = gGetFactory();
    if (!factory) logLine("the managed plug-in returned no factory (see messages above)");
    return factory;
}

// Called by Linux hosts after dlopen. The runtime cannot be unloaded, and managed vtables outlive
// any dlclose, so pin this library in memory for the life of the process.
EUTERPE_EXPORT bool ModuleEntry(void* /*sharedLibraryHandle*/) {
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&ModuleEntry), &info) != 0 && info.dli_fname)
        dlopen(info.dli_fname, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
    return true;
}

EUTERPE_EXPORT bool ModuleExit() { return true; }

// Older names some hosts look for; same meaning.
EUTERPE_EXPORT bool InitModule() { return ModuleEntry(nullptr); }
EUTERPE_EXPORT bool DeinitModule() { return true; }
