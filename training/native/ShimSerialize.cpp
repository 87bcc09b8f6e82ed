// Raw bytes in and out of tensors; the safetensors container itself is written in C#.
#include "EtShim.h"
#include <cstring>

// Copies `nbytes` of little-endian element data into a new CPU tensor of the given dtype and shape.
ET_EXPORT Et EtSerialize_from_bytes(const void* data, int64_t nbytes, const int64_t* shape, int32_t n, int32_t dtype) {
  ET_TRY(nullptr, {
    auto t = at::empty(et::dims(shape, n), et::options(dtype, 0, -1));
    TORCH_CHECK(static_cast<int64_t>(t.nbytes()) == nbytes, "tensor of shape ", t.sizes(), " and dtype ", t.scalar_type(),
                " needs ", t.nbytes(), " bytes, got ", nbytes);
    if (nbytes > 0) std::memcpy(t.data_ptr(), data, static_cast<size_t>(nbytes));
    return et::wrap(t);
  })
}

ET_EXPORT int64_t EtSerialize_nbytes(Et t) { ET_TRY(-1, return static_cast<int64_t>(t->numel() * t->element_size());) }

// Copies the tensor's elements (as a contiguous CPU tensor) into `dst`, which holds `capacity` bytes.
ET_EXPORT int64_t EtSerialize_to_bytes(Et t, void* dst, int64_t capacity) {
  ET_TRY(-1, {
    auto c = t->detach().to(at::kCPU).contiguous();
    auto nbytes = static_cast<int64_t>(c.nbytes());
    TORCH_CHECK(nbytes <= capacity, "buffer of ", capacity, " bytes is too small for ", nbytes);
    if (nbytes > 0) std::memcpy(dst, c.data_ptr(), static_cast<size_t>(nbytes));
    return nbytes;
  })
}
