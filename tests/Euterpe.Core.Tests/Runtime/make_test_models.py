# Builds the small ONNX models the inference tests run, plus inputs and numpy-computed reference outputs.
# Usage: make_test_models.py OUT_DIR. Needs python3-onnx and numpy (Debian packages).
import sys, os
import numpy as np
import onnx
from onnx import helper, TensorProto, numpy_helper

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(1234)

def save(model, name):
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(out, name))

def npy(name, array):
    np.save(os.path.join(out, name), array)

opset = [helper.make_opsetid("", 13)]

# add.onnx: z = x + y, float[2, 3]
g = helper.make_graph([helper.make_node("Add", ["x", "y"], ["z"])], "add_graph",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3]), helper.make_tensor_value_info("y", TensorProto.FLOAT, [2, 3])],
    [helper.make_tensor_value_info("z", TensorProto.FLOAT, [2, 3])])
m = helper.make_model(g, opset_imports=opset, producer_name="euterpe-tests", producer_version="0.1")
m.doc_string = "adds two matrices"
m.domain = "org.euterpe.test"
m.model_version = 7
helper.set_model_props(m, {"vocab": "388", "author": "tests"})
save(m, "add.onnx")
x = rng.standard_normal((2, 3)).astype(np.float32); y = rng.standard_normal((2, 3)).astype(np.float32)
npy("add_x.npy", x); npy("add_y.npy", y); npy("add_z.npy", x + y)

# matmul.onnx: y = x @ W (W an initializer), batch dimension symbolic
W = rng.standard_normal((4, 5)).astype(np.float32)
g = helper.make_graph([helper.make_node("MatMul", ["x", "W"], ["y"])], "matmul_graph",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 4])],
    [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", 5])], [numpy_helper.from_array(W, "W")])
save(helper.make_model(g, opset_imports=opset + [helper.make_opsetid("com.microsoft", 1)], producer_name="euterpe-tests"), "matmul.onnx")
x = rng.standard_normal((3, 4)).astype(np.float32)
npy("matmul_x.npy", x); npy("matmul_y.npy", x @ W)

# cast.onnx: int64 in, double out (exercises non-float element types)
g = helper.make_graph([helper.make_node("Cast", ["i"], ["d"], to=TensorProto.DOUBLE)], "cast_graph",
    [helper.make_tensor_value_info("i", TensorProto.INT64, [4])], [helper.make_tensor_value_info("d", TensorProto.DOUBLE, [4])])
save(helper.make_model(g, opset_imports=opset, producer_name="euterpe-tests"), "cast.onnx")
npy("cast_i.npy", np.array([-3, 0, 5, 1 << 40], dtype=np.int64))
npy("cast_d.npy", np.array([-3, 0, 5, 1 << 40], dtype=np.float64))

# lstm.onnx: one LSTM step with explicit state: x[1,1,I], h[1,1,H], c[1,1,H] -> h_out, c_out
I, H = 3, 4
Wl = (rng.standard_normal((1, 4 * H, I)) * 0.5).astype(np.float32)
Rl = (rng.standard_normal((1, 4 * H, H)) * 0.5).astype(np.float32)
Bl = (rng.standard_normal((1, 8 * H)) * 0.1).astype(np.float32)
node = helper.make_node("LSTM", ["x", "W", "R", "B", "", "h", "c"], ["", "h_out", "c_out"], hidden_size=H)
g = helper.make_graph([node], "lstm_graph",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 1, I]), helper.make_tensor_value_info("h", TensorProto.FLOAT, [1, 1, H]),
     helper.make_tensor_value_info("c", TensorProto.FLOAT, [1, 1, H])],
    [helper.make_tensor_value_info("h_out", TensorProto.FLOAT, [1, 1, H]), helper.make_tensor_value_info("c_out", TensorProto.FLOAT, [1, 1, H])],
    [numpy_helper.from_array(Wl, "W"), numpy_helper.from_array(Rl, "R"), numpy_helper.from_array(Bl, "B")])
save(helper.make_model(g, opset_imports=opset, producer_name="euterpe-tests"), "lstm.onnx")

# Reference: the ONNX LSTM equations (gate order i, o, f, c; default activations), stepped in numpy.
def sigmoid(v): return 1.0 / (1.0 + np.exp(-v))
steps = 6
xs = rng.standard_normal((steps, I)).astype(np.float32)
h = np.zeros(H, dtype=np.float64); c = np.zeros(H, dtype=np.float64)
W0, R0, B0 = Wl[0].astype(np.float64), Rl[0].astype(np.float64), Bl[0].astype(np.float64)
hs, cs = [], []
for t in range(steps):
    gates = W0 @ xs[t] + R0 @ h + B0[:4 * H] + B0[4 * H:]
    i, o, f, cc = gates[:H], gates[H:2 * H], gates[2 * H:3 * H], gates[3 * H:]
    c = sigmoid(f) * c + sigmoid(i) * np.tanh(cc)
    h = sigmoid(o) * np.tanh(c)
    hs.append(h.copy()); cs.append(c.copy())
npy("lstm_xs.npy", xs); npy("lstm_hs.npy", np.array(hs, dtype=np.float32)); npy("lstm_cs.npy", np.array(cs, dtype=np.float32))

# unused.onnx: an initializer no node reads; ONNX Runtime logs a warning naming it when it removes it.
g = helper.make_graph([helper.make_node("Neg", ["x"], ["y"])], "unused_graph",
    [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2])], [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2])],
    [numpy_helper.from_array(np.zeros(2, dtype=np.float32), "euterpe_unused_initializer")])
save(helper.make_model(g, opset_imports=opset, producer_name="euterpe-tests"), "unused.onnx")

# .npy files for the reader: every supported dtype, format versions 1.0, 2.0, 3.0, and failure cases.
from numpy.lib import format as npf
def write_version(name, array, version):
    with open(os.path.join(out, name), "wb") as f:
        npf.write_array(f, array, version=version)
base = np.arange(24).reshape(2, 3, 4)
write_version("v1_f4.npy", (base * 0.5).astype(np.float32), (1, 0))
write_version("v2_f8.npy", (base * 0.25).astype(np.float64), (2, 0))
write_version("v3_i8.npy", (base - 7).astype(np.int64), (3, 0))
write_version("v1_i4.npy", (base * 3).astype(np.int32), (1, 0))
write_version("v1_b1.npy", (base % 3 == 0), (1, 0))
write_version("v1_scalar.npy", np.array(2.5, dtype=np.float32), (1, 0))
write_version("fortran.npy", np.asfortranarray((base * 0.5).astype(np.float32)), (1, 0))
write_version("u2.npy", base.astype(np.uint16), (1, 0))
write_version("big_endian.npy", base.astype(">f4"), (1, 0))
with open(os.path.join(out, "corrupt.onnx"), "wb") as f:
    f.write(b"\x08\x07garbage that is not a model" * 10)
print("ok")
