// Tensor lifetime, creation, metadata and the element-wise / reduction / shape operators.
#include "EtShim.h"
#include <ATen/Parallel.h>
#include <cstdlib>
#include <cstring>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace et {
static thread_local std::string last_error;
static thread_local bool has_error = false;
void set_error(const char* message) {
  last_error = message ? message : "";
  has_error = true;
}
}  // namespace et

ET_EXPORT const char* EtError_last() { return et::has_error ? et::last_error.c_str() : nullptr; }
ET_EXPORT void EtError_clear() {
  et::has_error = false;
  et::last_error.clear();
}

// ---- lifetime and metadata ----
ET_EXPORT void EtTensor_free(Et t) { delete t; }
ET_EXPORT int32_t EtTensor_dim(Et t) { ET_TRY(-1, return static_cast<int32_t>(t->dim());) }
ET_EXPORT int32_t EtTensor_shape(Et t, int64_t* out, int32_t capacity) {
  ET_TRY(-1, {
    auto s = t->sizes();
    for (size_t i = 0; i < s.size() && static_cast<int32_t>(i) < capacity; ++i) out[i] = s[i];
    return static_cast<int32_t>(s.size());
  })
}
ET_EXPORT int64_t EtTensor_numel(Et t) { ET_TRY(-1, return t->numel();) }
ET_EXPORT int32_t EtTensor_dtype(Et t) { ET_TRY(-1, return static_cast<int32_t>(t->scalar_type());) }
ET_EXPORT int32_t EtTensor_device_type(Et t) { ET_TRY(-1, return static_cast<int32_t>(t->device().type());) }
ET_EXPORT int32_t EtTensor_device_index(Et t) { ET_TRY(-1, return static_cast<int32_t>(t->device().index());) }
ET_EXPORT int32_t EtTensor_cuda_is_available() { ET_TRY(0, return at::hasCUDA() ? 1 : 0;) }
ET_EXPORT int32_t EtTensor_cuda_device_count() {
  ET_TRY(0, return at::hasCUDA() ? static_cast<int32_t>(at::getNumGPUs()) : 0;)
}
ET_EXPORT double EtTensor_item(Et t) { ET_TRY(0.0, return t->item().toDouble();) }
ET_EXPORT void EtTensor_manual_seed(uint64_t seed) { ET_TRY(, at::manual_seed(seed); return;) }
ET_EXPORT void EtTensor_set_num_threads(int32_t n) { ET_TRY(, at::set_num_threads(n); return;) }
// A training step frees and re-allocates the same multi-megabyte activations every time. glibc's default adapts its
// mmap threshold as blocks come and go, and in our process it kept handing them back to the kernel (munmap, then page
// faults to zero them again): about 10 % of a Performance-RNN step. Fixed thresholds keep freed blocks in the heap.
// A user's own GLIBC_TUNABLES for malloc win. Returns 1 when applied.
ET_EXPORT int32_t EtTensor_keep_freed_blocks(int64_t mmap_threshold, int64_t trim_threshold) {
#if defined(__GLIBC__)
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (tunables && std::strstr(tunables, "glibc.malloc.")) return 0;
  const int ok = mallopt(M_MMAP_THRESHOLD, static_cast<int>(mmap_threshold)) && mallopt(M_TRIM_THRESHOLD, static_cast<int>(trim_threshold));
  return ok ? 1 : 0;
#else
  (void)mmap_threshold;
  (void)trim_threshold;
  return 0;
#endif
}
ET_EXPORT int32_t EtTensor_get_num_threads() { ET_TRY(-1, return at::get_num_threads();) }

// ---- creation ----
ET_EXPORT Et EtTensor_zeros(const int64_t* shape, int32_t n, int32_t dtype, int32_t dev, int32_t idx) {
  ET_TRY(nullptr, return et::wrap(at::zeros(et::dims(shape, n), et::options(dtype, dev, idx)));)
}
ET_EXPORT Et EtTensor_ones(const int64_t* shape, int32_t n, int32_t dtype, int32_t dev, int32_t idx) {
  ET_TRY(nullptr, return et::wrap(at::ones(et::dims(shape, n), et::options(dtype, dev, idx)));)
}
ET_EXPORT Et EtTensor_randn(const int64_t* shape, int32_t n, int32_t dtype, int32_t dev, int32_t idx) {
  ET_TRY(nullptr, return et::wrap(at::randn(et::dims(shape, n), et::options(dtype, dev, idx)));)
}
ET_EXPORT Et EtTensor_rand(const int64_t* shape, int32_t n, int32_t dtype, int32_t dev, int32_t idx) {
  ET_TRY(nullptr, return et::wrap(at::rand(et::dims(shape, n), et::options(dtype, dev, idx)));)
}
ET_EXPORT Et EtTensor_randint(int64_t low, int64_t high, const int64_t* shape, int32_t n, int32_t dtype, int32_t dev, int32_t idx) {
  ET_TRY(nullptr, return et::wrap(at::randint(low, high, et::dims(shape, n), et::options(dtype, dev, idx)));)
}
ET_EXPORT Et EtTensor_full(const int64_t* shape, int32_t n, double value, int32_t dtype, int32_t dev, int32_t idx) {
  ET_TRY(nullptr, return et::wrap(at::full(et::dims(shape, n), value, et::options(dtype, dev, idx)));)
}
ET_EXPORT Et EtTensor_arange(double start, double end, double step, int32_t dtype, int32_t dev, int32_t idx) {
  ET_TRY(nullptr, return et::wrap(at::arange(start, end, step, et::options(dtype, dev, idx)));)
}
ET_EXPORT Et EtTensor_eye(int64_t n, int64_t m, int32_t dtype, int32_t dev, int32_t idx) {
  ET_TRY(nullptr, return et::wrap(at::eye(n, m, et::options(dtype, dev, idx)));)
}
ET_EXPORT Et EtTensor_to(Et t, int32_t dtype, int32_t dev, int32_t idx) {
  ET_TRY(nullptr, return et::wrap(t->to(et::options(dtype, dev, idx)));)
}

// ---- element-wise ----
#define ET_UNARY(name, expr) \
  ET_EXPORT Et EtTensor_##name(Et a) { ET_TRY(nullptr, const at::Tensor& x = *a; return et::wrap(expr);) }
ET_UNARY(neg, x.neg())
ET_UNARY(exp, x.exp())
ET_UNARY(log, x.log())
ET_UNARY(tanh, x.tanh())
ET_UNARY(sigmoid, x.sigmoid())
ET_UNARY(relu, x.relu())
ET_UNARY(sqrt, x.sqrt())
ET_UNARY(abs, x.abs())
ET_UNARY(contiguous, x.contiguous())
ET_UNARY(clone, x.clone())
ET_UNARY(detach, x.detach())

#define ET_BINARY(name, expr) \
  ET_EXPORT Et EtTensor_##name(Et a, Et b) { ET_TRY(nullptr, const at::Tensor& x = *a; const at::Tensor& y = *b; return et::wrap(expr);) }
ET_BINARY(sub, x.sub(y))
ET_BINARY(mul, x.mul(y))
ET_BINARY(div, x.div(y))
ET_BINARY(pow, x.pow(y))
ET_BINARY(matmul, x.matmul(y))
ET_BINARY(bmm, x.bmm(y))
ET_BINARY(maximum, at::maximum(x, y))
ET_BINARY(minimum, at::minimum(x, y))
ET_BINARY(eq, x.eq(y))
ET_BINARY(gt, x.gt(y))
ET_BINARY(lt, x.lt(y))

#define ET_SCALAR(name, expr) \
  ET_EXPORT Et EtTensor_##name(Et a, double v) { ET_TRY(nullptr, const at::Tensor& x = *a; at::Scalar s = et::scalar(x, v); return et::wrap(expr);) }
ET_SCALAR(add_scalar, x.add(s))
ET_SCALAR(sub_scalar, x.sub(s))
ET_SCALAR(mul_scalar, x.mul(s))
ET_SCALAR(div_scalar, x.div(s))
ET_SCALAR(pow_scalar, x.pow(s))
ET_SCALAR(rsub_scalar, at::rsub(x, s))
ET_SCALAR(leaky_relu, at::leaky_relu(x, v))
ET_SCALAR(eq_scalar, x.eq(s))
ET_SCALAR(gt_scalar, x.gt(s))
ET_SCALAR(lt_scalar, x.lt(s))

ET_EXPORT Et EtTensor_add(Et a, Et b, double alpha) { ET_TRY(nullptr, return et::wrap(a->add(*b, alpha));) }
ET_EXPORT Et EtTensor_clamp(Et a, double min, double max, int32_t has_min, int32_t has_max) {
  ET_TRY(nullptr, {
    c10::optional<at::Scalar> lo = has_min ? c10::optional<at::Scalar>(min) : c10::nullopt;
    c10::optional<at::Scalar> hi = has_max ? c10::optional<at::Scalar>(max) : c10::nullopt;
    return et::wrap(at::clamp(*a, lo, hi));
  })
}
ET_EXPORT Et EtTensor_where(Et cond, Et a, Et b) { ET_TRY(nullptr, return et::wrap(at::where(*cond, *a, *b));) }

// ---- in-place (initialisers, buffers, state loading) ----
ET_EXPORT int32_t EtTensor_uniform_(Et t, double from, double to) { ET_TRY(-1, t->uniform_(from, to); return 0;) }
ET_EXPORT int32_t EtTensor_normal_(Et t, double mean, double std) { ET_TRY(-1, t->normal_(mean, std); return 0;) }
ET_EXPORT int32_t EtTensor_fill_(Et t, double value) { ET_TRY(-1, t->fill_(et::scalar(*t, value)); return 0;) }
ET_EXPORT int32_t EtTensor_zero_(Et t) { ET_TRY(-1, t->zero_(); return 0;) }
ET_EXPORT int32_t EtTensor_copy_(Et t, Et src) { ET_TRY(-1, t->copy_(*src); return 0;) }
ET_EXPORT int32_t EtTensor_add_scalar_(Et t, double s) { ET_TRY(-1, t->add_(et::scalar(*t, s)); return 0;) }

// ---- reductions ----
ET_EXPORT Et EtTensor_sum_all(Et a) { ET_TRY(nullptr, return et::wrap(a->sum());) }
ET_EXPORT Et EtTensor_mean_all(Et a) { ET_TRY(nullptr, return et::wrap(a->mean());) }
ET_EXPORT Et EtTensor_max_all(Et a) { ET_TRY(nullptr, return et::wrap(a->max());) }
ET_EXPORT Et EtTensor_sum(Et a, const int64_t* d, int32_t n, int32_t keep) {
  ET_TRY(nullptr, return et::wrap(a->sum(et::dims(d, n), keep != 0));)
}
ET_EXPORT Et EtTensor_mean(Et a, const int64_t* d, int32_t n, int32_t keep) {
  ET_TRY(nullptr, return et::wrap(a->mean(et::dims(d, n), keep != 0));)
}
ET_EXPORT Et EtTensor_max(Et a, int64_t dim, int32_t keep, Et* indices) {
  ET_TRY(nullptr, {
    auto r = a->max(dim, keep != 0);
    *indices = et::wrap(std::get<1>(r));
    return et::wrap(std::get<0>(r));
  })
}
ET_EXPORT Et EtTensor_argmax(Et a, int64_t dim, int32_t keep) { ET_TRY(nullptr, return et::wrap(a->argmax(dim, keep != 0));) }
ET_EXPORT Et EtTensor_logsumexp(Et a, const int64_t* d, int32_t n, int32_t keep) {
  ET_TRY(nullptr, return et::wrap(a->logsumexp(et::dims(d, n), keep != 0));)
}
ET_EXPORT Et EtTensor_log_softmax(Et a, int64_t dim) { ET_TRY(nullptr, return et::wrap(a->log_softmax(dim));) }
ET_EXPORT Et EtTensor_softmax(Et a, int64_t dim) { ET_TRY(nullptr, return et::wrap(a->softmax(dim));) }
ET_EXPORT Et EtTensor_norm(Et a, double p) { ET_TRY(nullptr, return et::wrap(at::norm(*a, p));) }
ET_EXPORT Et EtTensor_multinomial(Et a, int64_t n, int32_t replacement) {
  ET_TRY(nullptr, return et::wrap(at::multinomial(*a, n, replacement != 0));)
}

// ---- shape ----
ET_EXPORT Et EtTensor_reshape(Et a, const int64_t* s, int32_t n) { ET_TRY(nullptr, return et::wrap(a->reshape(et::dims(s, n)));) }
ET_EXPORT Et EtTensor_view(Et a, const int64_t* s, int32_t n) { ET_TRY(nullptr, return et::wrap(a->view(et::dims(s, n)));) }
ET_EXPORT Et EtTensor_expand(Et a, const int64_t* s, int32_t n) { ET_TRY(nullptr, return et::wrap(a->expand(et::dims(s, n)));) }
ET_EXPORT Et EtTensor_permute(Et a, const int64_t* s, int32_t n) { ET_TRY(nullptr, return et::wrap(a->permute(et::dims(s, n)));) }
ET_EXPORT Et EtTensor_transpose(Et a, int64_t d0, int64_t d1) { ET_TRY(nullptr, return et::wrap(a->transpose(d0, d1));) }
ET_EXPORT Et EtTensor_narrow(Et a, int64_t dim, int64_t start, int64_t length) {
  ET_TRY(nullptr, return et::wrap(a->narrow(dim, start, length));)
}
ET_EXPORT Et EtTensor_slice(Et a, int64_t dim, int64_t start, int64_t end, int64_t step) {
  ET_TRY(nullptr, return et::wrap(a->slice(dim, start, end, step));)
}
ET_EXPORT Et EtTensor_select(Et a, int64_t dim, int64_t index) { ET_TRY(nullptr, return et::wrap(a->select(dim, index));) }
ET_EXPORT Et EtTensor_index_select(Et a, int64_t dim, Et index) { ET_TRY(nullptr, return et::wrap(a->index_select(dim, *index));) }
ET_EXPORT Et EtTensor_gather(Et a, int64_t dim, Et index) { ET_TRY(nullptr, return et::wrap(a->gather(dim, *index));) }
ET_EXPORT Et EtTensor_unsqueeze(Et a, int64_t dim) { ET_TRY(nullptr, return et::wrap(a->unsqueeze(dim));) }
ET_EXPORT Et EtTensor_squeeze(Et a) { ET_TRY(nullptr, return et::wrap(a->squeeze());) }
ET_EXPORT Et EtTensor_squeeze_dim(Et a, int64_t dim) { ET_TRY(nullptr, return et::wrap(a->squeeze(dim));) }
ET_EXPORT Et EtTensor_cat(const Et* ts, int32_t n, int64_t dim) { ET_TRY(nullptr, return et::wrap(at::cat(et::list(ts, n), dim));) }
ET_EXPORT Et EtTensor_stack(const Et* ts, int32_t n, int64_t dim) { ET_TRY(nullptr, return et::wrap(at::stack(et::list(ts, n), dim));) }
ET_EXPORT Et EtTensor_one_hot(Et a, int64_t classes) { ET_TRY(nullptr, return et::wrap(at::one_hot(*a, classes));) }
