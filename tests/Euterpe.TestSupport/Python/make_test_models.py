# Builds every ONNX model and numpy reference the tests use into OUT_DIR; OnnxTestModels runs it once and caches
# the folder. Usage: make_test_models.py OUT_DIR. Needs Debian's python3-onnx and python3-numpy.
# Each section draws from its own seeded generator, so a model added to one leaves the others' weights as they are.
import sys, os
import numpy as np
import onnx
from onnx import helper, TensorProto, numpy_helper
from numpy.lib import format as npf

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
opset = [helper.make_opsetid("", 13)]
F32, I64 = TensorProto.FLOAT, TensorProto.INT64


def save_model(model, name):
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(out, name))


def save(nodes, name, inputs, outputs, inits, graph=None):
    g = helper.make_graph(nodes, graph or name.replace(".onnx", ""), inputs, outputs,
                          [numpy_helper.from_array(v, k) for k, v in inits.items()])
    save_model(helper.make_model(g, opset_imports=opset, producer_name="euterpe-tests"), name)


def npy(name, array):
    np.save(os.path.join(out, name), array)


def vi(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)


def normal(rng, *shape, scale=1.0):
    return (rng.standard_normal(shape) * scale).astype(np.float32)


def sigmoid(v):
    return 1.0 / (1.0 + np.exp(-v))


def lstm_step(x, h, c, W, R, B):
    # ONNX LSTM, one direction, gate order i, o, f, c, default activations (float64 for the references).
    H = h.shape[0]
    g = W @ x + R @ h + B[:4 * H] + B[4 * H:]
    i, o, f, cc = g[:H], g[H:2 * H], g[2 * H:3 * H], g[3 * H:]
    c = sigmoid(f) * c + sigmoid(i) * np.tanh(cc)
    return sigmoid(o) * np.tanh(c), c


def token_lstm(name, rng, V, E, C, H, scale, out_scale, bias):
    """The event RNN's step: token int64[1,1] -> embedding, concatenated with conditioning float[1,C] -> LSTM(H)
    with explicit state h0/c0 -> linear -> logits float[1,V]; outputs hn, cn carry the state. bias(rng) makes the
    output bias once the weights are drawn. Returns the weights for references."""
    emb, W, R, B = normal(rng, V, E), normal(rng, 1, 4 * H, E + C, scale=scale), normal(rng, 1, 4 * H, H, scale=scale), normal(rng, 1, 8 * H, scale=0.2)
    Wo = normal(rng, H, V, scale=out_scale)
    bo = bias(rng)
    save([
        helper.make_node("Gather", ["emb", "token"], ["e"], axis=0),
        helper.make_node("Reshape", ["cond", "cond_shape"], ["cond3"]),
        helper.make_node("Concat", ["e", "cond3"], ["x"], axis=2),
        helper.make_node("LSTM", ["x", "W", "R", "B", "", "h0", "c0"], ["", "hn", "cn"], hidden_size=H),
        helper.make_node("Reshape", ["hn", "row_shape"], ["top"]),
        helper.make_node("MatMul", ["top", "Wo"], ["proj"]),
        helper.make_node("Add", ["proj", "bo"], ["logits"]),
    ], name,
        [vi("token", I64, [1, 1]), vi("cond", F32, [1, C]), vi("h0", F32, [1, 1, H]), vi("c0", F32, [1, 1, H])],
        [vi("logits", F32, [1, V]), vi("hn", F32, [1, 1, H]), vi("cn", F32, [1, 1, H])],
        {"emb": emb, "cond_shape": np.array([1, 1, C], dtype=np.int64), "W": W, "R": R, "B": B,
         "row_shape": np.array([1, H], dtype=np.int64), "Wo": Wo, "bo": bo})
    return emb, W, R, B, Wo, bo


# --- Inference runtime: sessions, bound runs, the .npy reader, `onnx info|run` (core's Runtime tests, the CLI's).
rng = np.random.default_rng(1234)

# add.onnx: z = x + y, float[2, 3], with the metadata `onnx info` shows.
g = helper.make_graph([helper.make_node("Add", ["x", "y"], ["z"])], "add_graph",
    [vi("x", F32, [2, 3]), vi("y", F32, [2, 3])], [vi("z", F32, [2, 3])])
m = helper.make_model(g, opset_imports=opset, producer_name="euterpe-tests", producer_version="0.1")
m.doc_string = "adds two matrices"
m.domain = "org.euterpe.test"
m.model_version = 7
helper.set_model_props(m, {"vocab": "388", "author": "tests"})
save_model(m, "add.onnx")
x = rng.standard_normal((2, 3)).astype(np.float32); y = rng.standard_normal((2, 3)).astype(np.float32)
npy("add_x.npy", x); npy("add_y.npy", y); npy("add_z.npy", x + y)

# matmul.onnx: y = x @ W (W an initializer), batch dimension symbolic
W = rng.standard_normal((4, 5)).astype(np.float32)
g = helper.make_graph([helper.make_node("MatMul", ["x", "W"], ["y"])], "matmul_graph",
    [vi("x", F32, ["batch", 4])], [vi("y", F32, ["batch", 5])], [numpy_helper.from_array(W, "W")])
save_model(helper.make_model(g, opset_imports=opset + [helper.make_opsetid("com.microsoft", 1)], producer_name="euterpe-tests"), "matmul.onnx")
x = rng.standard_normal((3, 4)).astype(np.float32)
npy("matmul_x.npy", x); npy("matmul_y.npy", x @ W)

# cast.onnx: int64 in, double out (exercises non-float element types)
g = helper.make_graph([helper.make_node("Cast", ["i"], ["d"], to=TensorProto.DOUBLE)], "cast_graph",
    [vi("i", I64, [4])], [vi("d", TensorProto.DOUBLE, [4])])
save_model(helper.make_model(g, opset_imports=opset, producer_name="euterpe-tests"), "cast.onnx")
npy("cast_i.npy", np.array([-3, 0, 5, 1 << 40], dtype=np.int64))
npy("cast_d.npy", np.array([-3, 0, 5, 1 << 40], dtype=np.float64))

# lstm.onnx: one LSTM step with explicit state: x[1,1,I], h[1,1,H], c[1,1,H] -> h_out, c_out
I, H = 3, 4
Wl = (rng.standard_normal((1, 4 * H, I)) * 0.5).astype(np.float32)
Rl = (rng.standard_normal((1, 4 * H, H)) * 0.5).astype(np.float32)
Bl = (rng.standard_normal((1, 8 * H)) * 0.1).astype(np.float32)
node = helper.make_node("LSTM", ["x", "W", "R", "B", "", "h", "c"], ["", "h_out", "c_out"], hidden_size=H)
g = helper.make_graph([node], "lstm_graph",
    [vi("x", F32, [1, 1, I]), vi("h", F32, [1, 1, H]), vi("c", F32, [1, 1, H])],
    [vi("h_out", F32, [1, 1, H]), vi("c_out", F32, [1, 1, H])],
    [numpy_helper.from_array(Wl, "W"), numpy_helper.from_array(Rl, "R"), numpy_helper.from_array(Bl, "B")])
save_model(helper.make_model(g, opset_imports=opset, producer_name="euterpe-tests"), "lstm.onnx")
steps = 6
xs = rng.standard_normal((steps, I)).astype(np.float32)
h, c = np.zeros(H), np.zeros(H)
hs, cs = [], []
for t in range(steps):
    h, c = lstm_step(xs[t], h, c, Wl[0].astype(np.float64), Rl[0].astype(np.float64), Bl[0].astype(np.float64))
    hs.append(h.copy()); cs.append(c.copy())
npy("lstm_xs.npy", xs); npy("lstm_hs.npy", np.array(hs, dtype=np.float32)); npy("lstm_cs.npy", np.array(cs, dtype=np.float32))

# unused.onnx: an initializer no node reads; ONNX Runtime logs a warning naming it when it removes it.
g = helper.make_graph([helper.make_node("Neg", ["x"], ["y"])], "unused_graph", [vi("x", F32, [2])], [vi("y", F32, [2])],
    [numpy_helper.from_array(np.zeros(2, dtype=np.float32), "euterpe_unused_initializer")])
save_model(helper.make_model(g, opset_imports=opset, producer_name="euterpe-tests"), "unused.onnx")


# .npy files for the reader: every supported dtype, format versions 1.0, 2.0, 3.0, and failure cases.
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

# --- Generators (core's Generation tests): token and frame models with numpy-computed references.
rng = np.random.default_rng(2024)

# token_lstm.onnx: 12 tokens, conditioning float[1,3], LSTM(8); the reference feeds six tokens under one conditioning.
V, C, H = 12, 3, 8
emb, Wt, Rt, Bt, Wo, bo = token_lstm("token_lstm.onnx", rng, V, 5, C, H, scale=0.6, out_scale=2.0,
                                     bias=lambda r: normal(r, V, scale=0.3))
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
Wf, bf = normal(rng, T * FS, FS, scale=0.7), normal(rng, FS, scale=0.1)
save([
    helper.make_node("Reshape", ["frames", "flat_shape"], ["flat"]),
    helper.make_node("MatMul", ["flat", "Wf"], ["lin"]),
    helper.make_node("Add", ["lin", "bf"], ["pre"]),
    helper.make_node("Tanh", ["pre"], ["next"]),
], "frame_window.onnx", [vi("frames", F32, [1, T, FS])], [vi("next", F32, [1, FS])],
    {"Wf": Wf, "bf": bf, "flat_shape": np.array([1, T * FS], dtype=np.int64)})
seed = normal(rng, 2, FS)  # fewer frames than the window: the generator right-aligns them after zeros
window = np.concatenate([np.zeros((T - 2, FS)), seed.astype(np.float64)])
outs = []
for _ in range(6):
    nxt = np.tanh(window.reshape(-1) @ Wf + bf)
    outs.append(nxt)
    window = np.concatenate([window[1:], nxt[None, :]])
npy("frame_window_seed.npy", seed); npy("frame_window_expected.npy", np.array(outs, dtype=np.float32))

# frame_lstm.onnx: one frame float[1,1,3] with state h0/c0 float[1,1,5] -> LSTM -> linear -> next frame float[1,3].
FH = 5
Wl, Rl, Bl = normal(rng, 1, 4 * FH, FS, scale=0.7), normal(rng, 1, 4 * FH, FH, scale=0.7), normal(rng, 1, 8 * FH, scale=0.2)
Wy, by = normal(rng, FH, FS, scale=0.8), normal(rng, FS, scale=0.1)
save([
    helper.make_node("LSTM", ["frame", "W", "R", "B", "", "h0", "c0"], ["", "hn", "cn"], hidden_size=FH),
    helper.make_node("Reshape", ["hn", "row_shape"], ["top"]),
    helper.make_node("MatMul", ["top", "Wy"], ["lin"]),
    helper.make_node("Add", ["lin", "by"], ["next"]),
], "frame_lstm.onnx", [vi("frame", F32, [1, 1, FS]), vi("h0", F32, [1, 1, FH]), vi("c0", F32, [1, 1, FH])],
    [vi("next", F32, [1, FS]), vi("hn", F32, [1, 1, FH]), vi("cn", F32, [1, 1, FH])],
    {"W": Wl, "R": Rl, "B": Bl, "row_shape": np.array([1, FH], dtype=np.int64), "Wy": Wy, "by": by})
seed = normal(rng, 3, FS)
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
table = normal(rng, BV, BV, scale=2.0)
save([helper.make_node("Gather", ["table", "token"], ["row"], axis=0),
      helper.make_node("Reshape", ["row", "logits_shape"], ["logits"])], "token_bigram.onnx",
    [vi("token", I64, [1])], [vi("logits", F32, [1, 1, BV])], {"table": table, "logits_shape": np.array([1, 1, BV], dtype=np.int64)})
chain, t = [], 4
for _ in range(12):  # greedy decoding from token 4
    t = int(np.argmax(table[t])); chain.append(t)
npy("token_bigram_table.npy", table); npy("token_bigram_greedy.npy", np.array(chain, dtype=np.int64))

# --- The plug-in's test preset (TestPresets): a performance-event LSTM for pitches 48-83, 50 time shifts and
# 8 velocity bins (36 note-on, 36 note-off, 50 shift and 8 velocity tokens), conditioning "Energy" float[1,1], LSTM(16).
# Biases lean towards notes so a few seconds of music hold several of them.
rng = np.random.default_rng(7)
PITCHES, SHIFTS = 36, 50
PV = 2 * PITCHES + SHIFTS + 8


def note_bias(_):
    b = np.zeros(PV, dtype=np.float32)
    b[:PITCHES] += 1.5                              # NOTE_ON
    b[PITCHES:2 * PITCHES] += 2.0                   # NOTE_OFF
    b[2 * PITCHES:2 * PITCHES + SHIFTS] += 0.5      # TIME_SHIFT
    return b


token_lstm("performance_lstm.onnx", rng, PV, 8, 1, 16, scale=0.8, out_scale=1.5, bias=note_bias)
print("ok")
