# Writes a small performance-event LSTM token model for the instrument's generation tests.
# Usage: make_performance_model.py OUT_FILE VOCABULARY. Needs python3-onnx and numpy (Debian packages).
# token int64[1,1] -> embedding, concatenated with conditioning float[1,1] -> LSTM(16) with explicit h0/c0
# -> linear -> logits float[1,V]; outputs hn, cn carry the state. Biases lean towards notes so a few
# seconds of music hold several of them.
import sys
import numpy as np
import onnx
from onnx import helper, TensorProto, numpy_helper

out, V = sys.argv[1], int(sys.argv[2])
pitches, shifts = int(sys.argv[3]), int(sys.argv[4])
rng = np.random.default_rng(7)
F32, I64 = TensorProto.FLOAT, TensorProto.INT64
E, C, H = 8, 1, 16
f = lambda *s, scale=1.0: (rng.standard_normal(s) * scale).astype(np.float32)
emb, W, R, B = f(V, E), f(1, 4 * H, E + C, scale=0.8), f(1, 4 * H, H, scale=0.8), f(1, 8 * H, scale=0.2)
Wo = f(H, V, scale=1.5)
bo = np.zeros(V, dtype=np.float32)
bo[:pitches] += 1.5                       # NOTE_ON
bo[pitches:2 * pitches] += 2.0            # NOTE_OFF
bo[2 * pitches:2 * pitches + shifts] += 0.5  # TIME_SHIFT
vi = helper.make_tensor_value_info
g = helper.make_graph([
    helper.make_node("Gather", ["emb", "token"], ["e"], axis=0),
    helper.make_node("Reshape", ["cond", "cond_shape"], ["cond3"]),
    helper.make_node("Concat", ["e", "cond3"], ["x"], axis=2),
    helper.make_node("LSTM", ["x", "W", "R", "B", "", "h0", "c0"], ["", "hn", "cn"], hidden_size=H),
    helper.make_node("Reshape", ["hn", "row_shape"], ["top"]),
    helper.make_node("MatMul", ["top", "Wo"], ["proj"]),
    helper.make_node("Add", ["proj", "bo"], ["logits"]),
], "performance_lstm",
    [vi("token", I64, [1, 1]), vi("cond", F32, [1, C]), vi("h0", F32, [1, 1, H]), vi("c0", F32, [1, 1, H])],
    [vi("logits", F32, [1, V]), vi("hn", F32, [1, 1, H]), vi("cn", F32, [1, 1, H])],
    [numpy_helper.from_array(v, k) for k, v in {
        "emb": emb, "cond_shape": np.array([1, 1, C], dtype=np.int64), "W": W, "R": R, "B": B,
        "row_shape": np.array([1, H], dtype=np.int64), "Wo": Wo, "bo": bo}.items()])
m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)], producer_name="euterpe-tests")
onnx.checker.check_model(m)
onnx.save(m, out)
