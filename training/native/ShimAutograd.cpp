// Gradient mode, requires_grad, .grad, backward and torch.autograd.grad (with create_graph for second order).
#include "EtShim.h"
#include <torch/csrc/autograd/autograd.h>

ET_EXPORT int32_t EtAutograd_set_grad_enabled(int32_t enabled) {
  ET_TRY(-1, {
    bool previous = c10::GradMode::is_enabled();
    c10::GradMode::set_enabled(enabled != 0);
    return previous ? 1 : 0;
  })
}
ET_EXPORT int32_t EtAutograd_is_grad_enabled() { ET_TRY(-1, return c10::GradMode::is_enabled() ? 1 : 0;) }
ET_EXPORT int32_t EtAutograd_requires_grad(Et t) { ET_TRY(-1, return t->requires_grad() ? 1 : 0;) }
ET_EXPORT int32_t EtAutograd_set_requires_grad(Et t, int32_t value) { ET_TRY(-1, t->set_requires_grad(value != 0); return 0;) }

// Returns the accumulated gradient or null when there is none yet.
ET_EXPORT Et EtAutograd_grad_of(Et t) {
  ET_TRY(nullptr, {
    const auto& g = t->grad();
    return g.defined() ? et::wrap(g) : nullptr;
  })
}
ET_EXPORT int32_t EtAutograd_clear_grad(Et t) { ET_TRY(-1, t->mutable_grad().reset(); return 0;) }

ET_EXPORT int32_t EtAutograd_backward(Et t, Et gradient, int32_t retain_graph, int32_t create_graph) {
  ET_TRY(-1, {
    at::Tensor g = gradient ? *gradient : at::Tensor();
    t->backward(g, retain_graph != 0 || create_graph != 0, create_graph != 0);
    return 0;
  })
}

// torch.autograd.grad: writes one handle per input into `results` (null where unused and allow_unused).
ET_EXPORT int32_t EtAutograd_grad(const Et* outputs, int32_t n_out, const Et* inputs, int32_t n_in, const Et* grad_outputs,
                                  int32_t retain_graph, int32_t create_graph, int32_t allow_unused, Et* results) {
  ET_TRY(-1, {
    std::vector<at::Tensor> go;
    if (grad_outputs) {
      for (int32_t i = 0; i < n_out; ++i) go.push_back(grad_outputs[i] ? *grad_outputs[i] : at::Tensor());
    }
    auto grads = torch::autograd::grad(et::list(outputs, n_out), et::list(inputs, n_in), go,
                                       retain_graph != 0 || create_graph != 0, create_graph != 0, allow_unused != 0);
    for (int32_t i = 0; i < n_in; ++i) results[i] = grads[static_cast<size_t>(i)].defined() ? et::wrap(grads[static_cast<size_t>(i)]) : nullptr;
    return 0;
  })
}
