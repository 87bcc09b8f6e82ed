using Euterpe.Training.Torch.Optim;

namespace Euterpe.Training.Torch;

public static partial class torch
{
    /// <summary>torch.optim factories.</summary>
    public static class optim
    {
        public static Adam Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
            double weight_decay = 0, bool amsgrad = false) => new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad);

        public static RMSprop RMSprop(IEnumerable<Tensor> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8,
            double weight_decay = 0, double momentum = 0, bool centered = false) => new(parameters, lr, alpha, eps, weight_decay, momentum, centered);

        public static class lr_scheduler
        {
            public static StepLR StepLR(Optimizer optimizer, int step_size, double gamma = 0.1) => new(optimizer, step_size, gamma);
        }
    }
}
