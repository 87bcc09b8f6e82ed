// Optimizer updates, written with the same in-place ATen ops (in the same order) as PyTorch's
// single-tensor Adam and RMSprop so results match it; gradient-norm clipping likewise.
#include "EtShim.h"
#include <cmath>

// One Adam step over n parameters. Parameters without grad are skipped; the others' step counts (steps[i]) are
// incremented here, before the update, as PyTorch does.
ET_EXPORT int32_t EtOptim_adam_step(const Et* params, const Et* exp_avg, const Et* exp_avg_sq, const Et* max_exp_avg_sq,
                                    int32_t n, double lr, double beta1, double beta2, double eps, double weight_decay,
                                    int64_t* steps) {
  ET_TRY(-1, {
    c10::AutoGradMode no_grad(false);
    for (int32_t i = 0; i < n; ++i) {
      at::Tensor& p = *params[i];
      at::Tensor grad = p.grad();
      if (!grad.defined()) continue;
      double step = static_cast<double>(++steps[i]);
      double bias1 = 1.0 - std::pow(beta1, step);
      double bias2 = 1.0 - std::pow(beta2, step);
      double step_size = lr / bias1;
      double bias2_sqrt = std::sqrt(bias2);
      if (weight_decay != 0) grad = grad.add(p, weight_decay);
      exp_avg[i]->mul_(beta1).add_(grad, 1.0 - beta1);
      exp_avg_sq[i]->mul_(beta2).addcmul_(grad, grad, 1.0 - beta2);
      at::Tensor denom;
      if (max_exp_avg_sq) {
        at::maximum_out(*max_exp_avg_sq[i], *max_exp_avg_sq[i], *exp_avg_sq[i]);
        denom = (max_exp_avg_sq[i]->sqrt() / bias2_sqrt).add_(eps);
      } else {
        denom = (exp_avg_sq[i]->sqrt() / bias2_sqrt).add_(eps);
      }
      p.addcdiv_(*exp_avg[i], denom, -step_size);
    }
    return 0;
  })
}

// One RMSprop step; momentum_buf and grad_avg are null when momentum is 0 / not centered.
ET_EXPORT int32_t EtOptim_rmsprop_step(const Et* params, const Et* square_avg, const Et* momentum_buf, const Et* grad_avg,
                                       int32_t n, double lr, double alpha, double eps, double weight_decay, double momentum) {
  ET_TRY(-1, {
    c10::AutoGradMode no_grad(false);
    for (int32_t i = 0; i < n; ++i) {
      at::Tensor& p = *params[i];
      at::Tensor grad = p.grad();
      if (!grad.defined()) continue;
      if (weight_decay != 0) grad = grad.add(p, weight_decay);
      square_avg[i]->mul_(alpha).addcmul_(grad, grad, 1.0 - alpha);
      at::Tensor avg;
      if (grad_avg) {
        grad_avg[i]->mul_(alpha).add_(grad, 1.0 - alpha);
        avg = square_avg[i]->addcmul(*grad_avg[i], *grad_avg[i], -1.0).sqrt_();
      } else {
        avg = square_avg[i]->sqrt();
      }
      avg.add_(eps);
      if (momentum_buf && momentum > 0) {
        momentum_buf[i]->mul_(momentum).addcdiv_(grad, avg);
        p.add_(*momentum_buf[i], -lr);
      } else {
        p.addcdiv_(grad, avg, -lr);
      }
    }
    return 0;
  })
}

// torch.nn.utils.clip_grad_norm_: scales all gradients in place; returns the total norm before clipping
// (norm_type <= 0 means the infinity norm).
ET_EXPORT double EtOptim_clip_grad_norm(const Et* params, int32_t n, double max_norm, double norm_type) {
  ET_TRY(-1.0, {
    c10::AutoGradMode no_grad(false);
    std::vector<at::Tensor> grads;
    for (int32_t i = 0; i < n; ++i) {
      if (params[i]->grad().defined()) grads.push_back(params[i]->grad().detach());
    }
    if (grads.empty()) return 0.0;
    std::vector<at::Tensor> norms;
    bool inf = norm_type <= 0;
    for (auto& g : grads) norms.push_back(inf ? g.abs().max() : at::norm(g, norm_type));
    at::Tensor total = inf ? at::stack(norms).max() : at::norm(at::stack(norms), norm_type);
    at::Tensor coef = at::clamp(max_norm / (total + 1e-6), c10::nullopt, 1.0);
    for (auto& g : grads) g.mul_(coef.to(g.device()));
    return total.item().toDouble();
  })
}
