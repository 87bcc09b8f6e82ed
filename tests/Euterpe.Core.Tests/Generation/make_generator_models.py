# Builds the small ONNX models the generator tests run, with numpy-computed references.
# Usage: make_generator_models.py OUT_DIR. Needs python3-onnx and numpy (Debian packages).
import sys, os
import numpy as np
import onnx
from onnx import helper, TensorProto, numpy_helper

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(2024)
opset = [helper.make_opsetid("", 13)]
F32, I64 = TensorProto.FLOAT, TensorProto.INT64

def save(nodes, name, inputs, outputs, inits):
    g = helper.make_graph(nodes, name.replace(".onnx", ""), inputs, outputs, [numpy_helper.from_array(v, k) for k, v in inits.items()])
    m = helper.make_model(g, opset_imports=opset, producer_name="euterpe-tests")
    onnx.checker.check_model(m)
    onnx.save(m, os.path.join(out, name))

def npy(name, array):
    np.save(os.path.join(out, name), array)

def vi(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)

def f32(*shape, scale=1.0):
    return (rng.standard_normal(shape) * scale).astype(np.float32)

def sigmoid(v):
    return 1.0 / (1.0 + np.exp(-v))

def lstm_step(x, h, c, W, R, B):
    # ONNX LSTM, one direction, gate order i, o, f, c, default activations (float64 for the reference).
    H = h.shape[0]
    g = W @ x + R @ h + B[:4 * H] + B[4 * H:]
    i, o, f, cc = g[:H], g[H:2 * H], g[2 * H:3 * H], g[3 * H:]
    c = sigmoid(f) * c + sigmoid(i) * np.tanh(cc)
    return sigmoid(o) * np.tanh(c), c

# token_lstm.onnx: token int64[1,1] -> embedding, concatenated with conditioning float[1,3] -> LSTM(8) with explicit
# h0/c0 -> linear -> logits float[1,12]; outputs hn, cn carry the state.
V, E, C, H = 12, 5, 3, 8
emb, Wt, Rt, Bt = f32(V, E), f32(1, 4 * H, E + C, scale=0.6), f32(1, 4 * H, H, scale=0.6), f32(1, 8 * H, scale=0.2)
Wo, bo = f32(H, V, scale=2.0), f32(V, scale=0.3)
save([
    helper.make_node("Gather", ["emb", "token"], ["e"], axis=0),
    helper.make_node("Reshape", ["cond", "cond_shape"], ["cond3"]),
    helper.make_node("Concat", ["e", "cond3"], ["x"], axis=2),
    helper.make_node("LSTM", ["x", "W", "R", "B", "", "h0", "c0"], ["", "hn", "cn"], hidden_size=H),
    helper.make_node("Reshape", ["hn", "row_shape"], ["top"]),
    helper.make_node("MatMul", ["top", "Wo"], ["proj"]),
    helper.make_node("Add", ["proj", "bo"], ["logits"]),
], "token_lstm.onnx",
    [vi("token", I64, [1, 1]), vi("cond", F32, [1, C]), vi("h0", F32, [1, 1, H]), vi("c0", F32, [1, 1, H])],
    [vi("logits", F32, [1, V]), vi("hn", F32, [1, 1, H]), vi("cn", F32, [1, 1, H])],
    {"emb": emb, "cond_shape": np.array([1, 1, C], dtype=np.int64), "W": Wt, "R": Rt, "B": Bt,
     "row_shape": np.array([1, H], dtype=np.int64), "Wo": Wo, "bo": bo})
tokens = np.array([0, 3, 5, 7, 2, 9], dtype=np.int64)
cond = np.array([0.5, -1.0, 0.25], dtype=np.float32)
h, c = np.zeros(H), np.zeros(H)
ref = []
for t in tokens:
    x = np.concatenate([emb[t].astype(np.float64), cond.astype(np.float64)])
    h, c = lstm_step(x, h, c, Wt[0].astype(np.float64), Rt[0].astype(np.float64), Bt[0].astype(np.float64))
    ref.append(h @ Wo.astype(np.float64) + bo)
npy("token_lstm_tokens.npy", tokens); npy("token_lstm_cond.npy", cond); npy("token_lstm_logits.npy", np.array(ref, dtype=np.float32))

# frame_window.onnx: the last 4 frames float[1,4,3] -> tanh(linear) -> next frame float[1,3].
T, FS = 4, 3
Wf, bf = f32(T * FS, FS, scale=0.7), f32(FS, scale=0.1)
save([
    helper.make_node("Reshape", ["frames", "flat_shape"], ["flat"]),
    helper.make_node("MatMul", ["flat", "Wf"], ["lin"]),
    helper.make_node("Add", ["lin", "bf"], ["pre"]),
    helper.make_node("Tanh", ["pre"], ["next"]),
], "frame_window.onnx", [vi("frames", F32, [1, T, FS])], [vi("next", F32, [1, FS])],
    {"Wf": Wf, "bf": bf, "flat_shape": np.array([1, T * FS], dtype=np.int64)})
seed = f32(2, FS)  # fewer frames than the window: the generator right-aligns them after zeros
window = np.concatenate([np.zeros((T - 2, FS)), seed.astype(np.float64)])
outs = []
for _ in range(6):
    nxt = np.tanh(window.reshape(-1) @ Wf + bf)
    outs.append(nxt)
    window = np.concatenate([window[1:], nxt[None, :]])
npy("frame_window_seed.npy", seed); npy("frame_window_expected.npy", np.array(outs, dtype=np.float32))

# frame_lstm.onnx: one frame float[1,1,3] with state h0/c0 float[1,1,5] -> LSTM -> linear -> next frame float[1,3].
FH = 5
Wl, Rl, Bl = f32(1, 4 * FH, FS, scale=0.7), f32(1, 4 * FH, FH, scale=0.7), f32(1, 8 * FH, scale=0.2)
Wy, by = f32(FH, FS, scale=0.8), f32(FS, scale=0.1)
save([
    helper.make_node("LSTM", ["frame", "W", "R", "B", "", "h0", "c0"], ["", "hn", "cn"], hidden_size=FH),
    helper.make_node("Reshape", ["hn", "row_shape"], ["top"]),
    helper.make_node("MatMul", ["top", "Wy"], ["lin"]),
    helper.make_node("Add", ["lin", "by"], ["next"]),
], "frame_lstm.onnx", [vi("frame", F32, [1, 1, FS]), vi("h0", F32, [1, 1, FH]), vi("c0", F32, [1, 1, FH])],
    [vi("next", F32, [1, FS]), vi("hn", F32, [1, 1, FH]), vi("cn", F32, [1, 1, FH])],
    {"W": Wl, "R": Rl, "B": Bl, "row_shape": np.array([1, FH], dtype=np.int64), "Wy": Wy, "by": by})
seed = f32(3, FS)
W0, R0, B0 = Wl[0].astype(np.float64), Rl[0].astype(np.float64), Bl[0].astype(np.float64)
h, c = np.zeros(FH), np.zeros(FH)
for k in range(2):  # every seed frame but the last builds the state
    h, c = lstm_step(seed[k].astype(np.float64), h, c, W0, R0, B0)
frame = seed[2].astype(np.float64)
outs = []
for _ in range(6):  # then each prediction is fed back
    h, c = lstm_step(frame, h, c, W0, R0, B0)
    frame = h @ Wy + by
    outs.append(frame)
npy("frame_lstm_seed.npy", seed); npy("frame_lstm_expected.npy", np.array(outs, dtype=np.float32))

# token_bigram.onnx: a stateless bigram table, token int64[1] -> logits float[1,1,10] (no state, no conditioning).
BV = 10
table = f32(BV, BV, scale=2.0)
save([helper.make_node("Gather", ["table", "token"], ["row"], axis=0),
      helper.make_node("Reshape", ["row", "logits_shape"], ["logits"])], "token_bigram.onnx",
    [vi("token", I64, [1])], [vi("logits", F32, [1, 1, BV])], {"table": table, "logits_shape": np.array([1, 1, BV], dtype=np.int64)})
chain, t = [], 4
for _ in range(12):  # greedy decoding from token 4
    t = int(np.argmax(table[t])); chain.append(t)
npy("token_bigram_table.npy", table); npy("token_bigram_greedy.npy", np.array(chain, dtype=np.int64))
print("ok")
