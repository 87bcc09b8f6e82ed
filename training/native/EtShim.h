// Shared pieces of the Euterpe libtorch shim: the handle type, the thread-local last error and
// the macro that turns every C++ exception into that error so nothing unwinds into .NET.
#pragma once
#include <ATen/ATen.h>
#include <cstdint>
#include <string>
#include <vector>

#define ET_EXPORT extern "C" __attribute__((visibility("default")))

// A tensor crosses the ABI as a heap-allocated at::Tensor owned by a C# SafeHandle.
typedef at::Tensor* Et;

namespace et {

void set_error(const char* message);

inline Et wrap(at::Tensor t) { return new at::Tensor(std::move(t)); }

// Null handle means "absent" for optional tensor arguments.
inline c10::optional<at::Tensor> opt(Et t) {
  return t ? c10::optional<at::Tensor>(*t) : c10::nullopt;
}

// Scalars cross the ABI as double; integral values applied to integer tensors stay integers (so in-place ops on
// int64 buffers work and results keep the integer dtype, as in Python).
inline at::Scalar scalar(const at::Tensor& t, double s) {
  if (!at::isFloatingType(t.scalar_type()) && s == static_cast<double>(static_cast<int64_t>(s))) return at::Scalar(static_cast<int64_t>(s));
  return at::Scalar(s);
}

inline at::IntArrayRef dims(const int64_t* data, int32_t n) { return at::IntArrayRef(data, static_cast<size_t>(n)); }

inline std::vector<at::Tensor> list(const Et* handles, int32_t n) {
  std::vector<at::Tensor> out;
  out.reserve(static_cast<size_t>(n));
  for (int32_t i = 0; i < n; ++i) out.push_back(*handles[i]);
  return out;
}

inline at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index) {
  return at::TensorOptions()
      .dtype(static_cast<at::ScalarType>(dtype))
      .device(at::Device(static_cast<c10::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index)));
}

}  // namespace et

// Wraps an export body: on any exception, record the message and return `fallback`.
#define ET_TRY(fallback, ...)                                          \
  try {                                                                \
    __VA_ARGS__                                                        \
  } catch (const c10::Error& e) {                                      \
    et::set_error(e.what_without_backtrace());                         \
  } catch (const std::exception& e) {                                  \
    et::set_error(e.what());                                           \
  } catch (...) {                                                      \
    et::set_error("unknown C++ exception");                            \
  }                                                                    \
  return fallback;
