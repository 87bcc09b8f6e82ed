namespace Euterpe.Core.Tests.Onnx;

/// <summary>
/// A small ONNX interpreter in numpy (python3-onnx 1.12 has no onnx.reference), written from the operator
/// specifications and independent of our builder. Tests run a written model through it and compare with the
/// same computation written directly in numpy from the intended maths.
/// </summary>
internal static class NumpyGraphEvaluator
{
    /// <summary>Python defining <c>run(model, feeds) → dict of outputs</c>; append the test's own code after it.</summary>
    public const string Prelude = """
        import sys, json, numpy as np, onnx
        from onnx import numpy_helper, helper

        def attrs(node):
            return {a.name: helper.get_attribute_value(a) for a in node.attribute}

        def softmax(x, axis):
            e = np.exp(x - x.max(axis=axis, keepdims=True))
            return e / e.sum(axis=axis, keepdims=True)

        def sig(v): return 1 / (1 + np.exp(-v))

        # Forward, one direction, layout 0, default activations, no peepholes: the ONNX LSTM equations (gates i, o, f, c).
        def lstm(x, a):
            X, W, R, B = x[0], x[1][0], x[2][0], x[3][0]
            H = a["hidden_size"]
            h, c = x[5][0], x[6][0]
            Wb, Rb = B[:4 * H], B[4 * H:]
            ys = []
            for t in range(X.shape[0]):
                g = X[t] @ W.T + h @ R.T + Wb + Rb
                i, o, f, cc = sig(g[:, :H]), sig(g[:, H:2 * H]), sig(g[:, 2 * H:3 * H]), np.tanh(g[:, 3 * H:])
                c = f * c + i * cc
                h = o * np.tanh(c)
                ys.append(h)
            return [np.stack(ys)[:, None], h[None], c[None]]

        # The ONNX GRU equations (gates z, r, h), either value of linear_before_reset.
        # One direction per slice of W/R/B/initial_h; "bidirectional" runs the second slice over reversed time.
        def gru(x, a):
            X = x[0]
            H = a["hidden_size"]
            directions = x[1].shape[0]
            outs, lasts = [], []
            for d in range(directions):
                W, R, B, h = x[1][d], x[2][d], x[3][d], x[5][d]
                Wb, Rb = B[:3 * H], B[3 * H:]
                reverse = d == 1 or a.get("direction", b"forward") in (b"reverse", "reverse")
                steps = range(X.shape[0] - 1, -1, -1) if reverse else range(X.shape[0])
                ys = [None] * X.shape[0]
                for t in steps:
                    gx = X[t] @ W.T + Wb
                    z = sig(gx[:, :H] + h @ R[:H].T + Rb[:H])
                    r = sig(gx[:, H:2 * H] + h @ R[H:2 * H].T + Rb[H:2 * H])
                    if a.get("linear_before_reset", 0):
                        hh = np.tanh(gx[:, 2 * H:] + r * (h @ R[2 * H:].T + Rb[2 * H:]))
                    else:
                        hh = np.tanh(gx[:, 2 * H:] + (r * h) @ R[2 * H:].T + Rb[2 * H:])
                    h = (1 - z) * hh + z * h
                    ys[t] = h
                outs.append(np.stack(ys))
                lasts.append(h)
            return [np.stack(outs, axis=1), np.stack(lasts)]

        # 2-D Conv/ConvTranspose/MaxPool through torch's functional ops, mapping the ONNX attributes (symmetric pads only).
        def spatial(op, x, a):
            import torch
            import torch.nn.functional as F
            pads = a.get("pads", [0, 0, 0, 0])
            assert pads[:2] == pads[2:], "asymmetric pads"
            stride = a.get("strides", [1, 1])
            t = lambda v: None if v is None else torch.from_numpy(np.ascontiguousarray(v))
            bias = x[2] if len(x) > 2 else None
            with torch.no_grad():
                if op == "Conv":
                    out = F.conv2d(t(x[0]), t(x[1]), t(bias), stride=stride, padding=pads[:2], dilation=a.get("dilations", [1, 1]), groups=a.get("group", 1))
                elif op == "ConvTranspose":
                    out = F.conv_transpose2d(t(x[0]), t(x[1]), t(bias), stride=stride, padding=pads[:2], output_padding=a.get("output_padding", [0, 0]), groups=a.get("group", 1), dilation=a.get("dilations", [1, 1]))
                else:
                    out = F.max_pool2d(t(x[0]), a["kernel_shape"], stride=stride, padding=pads[:2])
            return out.numpy()

        def run(model, feeds):
            env = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
            env.update(feeds)
            for n in model.graph.node:
                a = attrs(n)
                x = [env[i] if i else None for i in n.input]
                op = n.op_type
                if op == "MatMul": y = [np.matmul(x[0], x[1])]
                elif op == "Add": y = [x[0] + x[1]]
                elif op == "Sub": y = [x[0] - x[1]]
                elif op == "Mul": y = [x[0] * x[1]]
                elif op == "Div": y = [x[0] / x[1]]
                elif op == "Pow": y = [np.power(x[0], x[1])]
                elif op == "Sqrt": y = [np.sqrt(x[0])]
                elif op == "Relu": y = [np.maximum(x[0], 0)]
                elif op == "LeakyRelu": y = [np.where(x[0] < 0, a.get("alpha", 0.01) * x[0], x[0])]
                elif op == "PRelu": y = [np.where(x[0] < 0, x[1] * x[0], x[0])]
                elif op == "Sigmoid": y = [1 / (1 + np.exp(-x[0]))]
                elif op == "Tanh": y = [np.tanh(x[0])]
                elif op == "Softmax": y = [softmax(x[0], a.get("axis", -1))]
                elif op == "Gemm":
                    A = x[0].T if a.get("transA", 0) else x[0]
                    B = x[1].T if a.get("transB", 0) else x[1]
                    y = [a.get("alpha", 1.0) * A @ B + (a.get("beta", 1.0) * x[2] if len(x) > 2 and x[2] is not None else 0)]
                elif op == "Reshape":
                    s = [d if d != 0 else x[0].shape[i] for i, d in enumerate(x[1])]
                    y = [x[0].reshape(s)]
                elif op == "Transpose": y = [np.transpose(x[0], a["perm"])]
                elif op == "Concat": y = [np.concatenate(x, axis=a["axis"])]
                elif op == "Slice":
                    axes = x[3] if len(x) > 3 and x[3] is not None else range(len(x[1]))
                    steps = x[4] if len(x) > 4 and x[4] is not None else [1] * len(x[1])
                    sl = [slice(None)] * x[0].ndim
                    for s, e, ax, st in zip(x[1], x[2], axes, steps): sl[ax] = slice(s, e, st)
                    y = [x[0][tuple(sl)]]
                elif op == "Split": y = np.split(x[0], np.cumsum(x[1])[:-1], axis=a.get("axis", 0))
                elif op == "Gather": y = [np.take(x[0], x[1], axis=a.get("axis", 0))]
                elif op == "Unsqueeze": y = [np.expand_dims(x[0], tuple(x[1]))]
                elif op == "Squeeze": y = [np.squeeze(x[0], tuple(x[1]))]
                elif op == "Equal": y = [np.equal(x[0], x[1])]
                elif op == "Where": y = [np.where(x[0], x[1], x[2])]
                elif op == "Cast": y = [x[0].astype(helper.tensor_dtype_to_np_dtype(a["to"]) if hasattr(helper, "tensor_dtype_to_np_dtype") else onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[a["to"]])]
                elif op == "Shape": y = [np.array(x[0].shape, dtype=np.int64)]
                elif op == "Expand": y = [x[0] * np.ones(x[1], dtype=x[0].dtype)]
                elif op == "ReduceMean": y = [x[0].mean(axis=tuple(a["axes"]), keepdims=bool(a.get("keepdims", 1)))]
                elif op == "ReduceSum": y = [x[0].sum(axis=tuple(x[1]), keepdims=bool(a.get("keepdims", 1)))]
                elif op == "Constant": y = [numpy_helper.to_array(a["value"])]
                elif op == "Identity": y = [x[0]]
                elif op == "LSTM": y = lstm(x, a)
                elif op == "GRU": y = gru(x, a)
                elif op in ("Conv", "ConvTranspose", "MaxPool"): y = [spatial(op, x, a)]
                elif op == "BatchNormalization":
                    shape = (1, -1) + (1,) * (x[0].ndim - 2)
                    y = [(x[0] - x[3].reshape(shape)) / np.sqrt(x[4].reshape(shape) + a.get("epsilon", 1e-5)) * x[1].reshape(shape) + x[2].reshape(shape)]
                else: raise Exception("no numpy rule for " + op)
                for name, value in zip(n.output, y): env[name] = np.asarray(value)
            return {o.name: env[o.name] for o in model.graph.output}

        m = onnx.load(sys.argv[1])
        W = {t.name: numpy_helper.to_array(t) for t in m.graph.initializer}
        rng = np.random.default_rng(7)

        def report(got, want):
            worst = max(float(np.max(np.abs(got[k] - want[k]))) if got[k].size else 0.0 for k in want)
            shapes = {k: list(got[k].shape) for k in want}
            print(json.dumps({"maxError": worst, "shapes": shapes}))

        """;
}
