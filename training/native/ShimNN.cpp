// Functional neural-network kernels; the modules holding parameters live in C#.
#include "EtShim.h"

ET_EXPORT Et EtNN_linear(Et x, Et w, Et b) { ET_TRY(nullptr, return et::wrap(at::linear(*x, *w, et::opt(b)));) }
ET_EXPORT Et EtNN_embedding(Et w, Et idx) { ET_TRY(nullptr, return et::wrap(at::embedding(*w, *idx));) }

// at::lstm with PyTorch's flat weight order (w_ih, w_hh, b_ih, b_hh per layer). Writes output, h_n, c_n.
ET_EXPORT int32_t EtNN_lstm_forward(Et input, Et h0, Et c0, const Et* params, int32_t n_params, int32_t has_biases,
                                    int64_t num_layers, double dropout, int32_t train, int32_t bidirectional,
                                    int32_t batch_first, Et* output, Et* h_n, Et* c_n) {
  ET_TRY(-1, {
    std::vector<at::Tensor> hx;
    if (h0 && c0) {
      hx = {*h0, *c0};
    } else {
      int64_t batch = input->size(batch_first ? 0 : 1);
      int64_t hidden = params[1]->size(1);
      auto z = at::zeros({num_layers * (bidirectional ? 2 : 1), batch, hidden}, input->options());
      hx = {z, z};
    }
    auto r = at::lstm(*input, hx, et::list(params, n_params), has_biases != 0, num_layers, dropout, train != 0,
                      bidirectional != 0, batch_first != 0);
    *output = et::wrap(std::get<0>(r));
    *h_n = et::wrap(std::get<1>(r));
    *c_n = et::wrap(std::get<2>(r));
    return 0;
  })
}

ET_EXPORT int32_t EtNN_gru_forward(Et input, Et h0, const Et* params, int32_t n_params, int32_t has_biases, int64_t num_layers,
                                   double dropout, int32_t train, int32_t bidirectional, int32_t batch_first, Et* output,
                                   Et* h_n) {
  ET_TRY(-1, {
    at::Tensor hx;
    if (h0) {
      hx = *h0;
    } else {
      int64_t batch = input->size(batch_first ? 0 : 1);
      int64_t hidden = params[1]->size(1);
      hx = at::zeros({num_layers * (bidirectional ? 2 : 1), batch, hidden}, input->options());
    }
    auto r = at::gru(*input, hx, et::list(params, n_params), has_biases != 0, num_layers, dropout, train != 0,
                     bidirectional != 0, batch_first != 0);
    *output = et::wrap(std::get<0>(r));
    *h_n = et::wrap(std::get<1>(r));
    return 0;
  })
}

ET_EXPORT Et EtNN_conv1d(Et x, Et w, Et b, int64_t stride, int64_t padding, int64_t dilation, int64_t groups) {
  ET_TRY(nullptr, return et::wrap(at::conv1d(*x, *w, et::opt(b), stride, padding, dilation, groups));)
}
ET_EXPORT Et EtNN_conv2d(Et x, Et w, Et b, const int64_t* stride, const int64_t* padding, const int64_t* dilation,
                         int64_t groups) {
  ET_TRY(nullptr, return et::wrap(at::conv2d(*x, *w, et::opt(b), et::dims(stride, 2), et::dims(padding, 2),
                                             et::dims(dilation, 2), groups));)
}
ET_EXPORT Et EtNN_conv_transpose2d(Et x, Et w, Et b, const int64_t* stride, const int64_t* padding,
                                   const int64_t* output_padding, int64_t groups, const int64_t* dilation) {
  ET_TRY(nullptr, return et::wrap(at::conv_transpose2d(*x, *w, et::opt(b), et::dims(stride, 2), et::dims(padding, 2),
                                                       et::dims(output_padding, 2), groups, et::dims(dilation, 2)));)
}
ET_EXPORT Et EtNN_batch_norm(Et x, Et w, Et b, Et running_mean, Et running_var, int32_t training, double momentum, double eps) {
  ET_TRY(nullptr, return et::wrap(at::batch_norm(*x, et::opt(w), et::opt(b), et::opt(running_mean), et::opt(running_var),
                                                 training != 0, momentum, eps, false));)
}
ET_EXPORT Et EtNN_layer_norm(Et x, const int64_t* shape, int32_t n, Et w, Et b, double eps) {
  ET_TRY(nullptr, return et::wrap(at::layer_norm(*x, et::dims(shape, n), et::opt(w), et::opt(b), eps, false));)
}
ET_EXPORT Et EtNN_dropout(Et x, double p, int32_t train) { ET_TRY(nullptr, return et::wrap(at::dropout(*x, p, train != 0));) }
ET_EXPORT Et EtNN_prelu(Et x, Et w) { ET_TRY(nullptr, return et::wrap(at::prelu(*x, *w));) }
ET_EXPORT Et EtNN_max_pool1d(Et x, int64_t kernel, int64_t stride, int64_t padding, int64_t dilation, int32_t ceil_mode) {
  ET_TRY(nullptr, return et::wrap(at::max_pool1d(*x, kernel, stride, padding, dilation, ceil_mode != 0));)
}
ET_EXPORT Et EtNN_max_pool2d(Et x, const int64_t* kernel, const int64_t* stride, const int64_t* padding,
                             const int64_t* dilation, int32_t ceil_mode) {
  ET_TRY(nullptr, return et::wrap(at::max_pool2d(*x, et::dims(kernel, 2), et::dims(stride, 2), et::dims(padding, 2),
                                                 et::dims(dilation, 2), ceil_mode != 0));)
}

// Reductions follow at::Reduction: 0 none, 1 mean, 2 sum.
ET_EXPORT Et EtNN_cross_entropy(Et logits, Et target, Et weight, int64_t reduction, int64_t ignore_index, double smoothing) {
  ET_TRY(nullptr, return et::wrap(at::cross_entropy_loss(*logits, *target, et::opt(weight), reduction, ignore_index, smoothing));)
}
ET_EXPORT Et EtNN_nll_loss(Et logp, Et target, Et weight, int64_t reduction, int64_t ignore_index) {
  ET_TRY(nullptr, return et::wrap(at::nll_loss(*logp, *target, et::opt(weight), reduction, ignore_index));)
}
ET_EXPORT Et EtNN_mse_loss(Et x, Et target, int64_t reduction) { ET_TRY(nullptr, return et::wrap(at::mse_loss(*x, *target, reduction));) }
ET_EXPORT Et EtNN_bce_with_logits(Et x, Et target, Et weight, Et pos_weight, int64_t reduction) {
  ET_TRY(nullptr, return et::wrap(at::binary_cross_entropy_with_logits(*x, *target, et::opt(weight), et::opt(pos_weight), reduction));)
}
