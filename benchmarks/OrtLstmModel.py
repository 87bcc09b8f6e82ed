# Writes the benchmark's token model: Gather embedding -> 3 stacked LSTM(512) with explicit state -> MatMul to logits.
# Inputs:  token int64[1], h float[3,1,H], c float[3,1,H]
# Outputs: logits float[1,388], h_out float[3,1,H], c_out float[3,1,H]
# Usage: OrtLstmModel.py OUT.onnx [HIDDEN]   (HIDDEN defaults to 512; weights are random: the benchmark measures speed)
import sys
import numpy as np
import onnx
from onnx import helper, TensorProto, numpy_helper

VOCAB, LAYERS = 388, 3
HIDDEN = int(sys.argv[2]) if len(sys.argv) > 2 else 512
rng = np.random.default_rng(7)
inits = [
    numpy_helper.from_array((rng.standard_normal((VOCAB, HIDDEN)) * 0.1).astype(np.float32), "embedding"),
    numpy_helper.from_array(np.array([1, 1, HIDDEN], dtype=np.int64), "step_shape"),
    numpy_helper.from_array(np.array([1, HIDDEN], dtype=np.int64), "row_shape"),
    numpy_helper.from_array((rng.standard_normal((HIDDEN, VOCAB)) * 0.05).astype(np.float32), "out_w"),
    numpy_helper.from_array(np.zeros(VOCAB, dtype=np.float32), "out_b"),
]
nodes = [
    helper.make_node("Gather", ["embedding", "token"], ["emb"], axis=0),
    helper.make_node("Reshape", ["emb", "step_shape"], ["x0"]),
    helper.make_node("Split", ["h"], [f"h{l}" for l in range(LAYERS)], axis=0),
    helper.make_node("Split", ["c"], [f"c{l}" for l in range(LAYERS)], axis=0),
]
scale = 1.0 / np.sqrt(HIDDEN)
for l in range(LAYERS):
    inits += [
        numpy_helper.from_array((rng.uniform(-scale, scale, (1, 4 * HIDDEN, HIDDEN))).astype(np.float32), f"W{l}"),
        numpy_helper.from_array((rng.uniform(-scale, scale, (1, 4 * HIDDEN, HIDDEN))).astype(np.float32), f"R{l}"),
        numpy_helper.from_array(np.zeros((1, 8 * HIDDEN), dtype=np.float32), f"B{l}"),
    ]
    nodes.append(helper.make_node("LSTM", [f"x{l}", f"W{l}", f"R{l}", f"B{l}", "", f"h{l}", f"c{l}"],
                                  ["", f"x{l + 1}", f"cn{l}"], hidden_size=HIDDEN))
nodes += [
    helper.make_node("Concat", [f"x{l + 1}" for l in range(LAYERS)], ["h_out"], axis=0),
    helper.make_node("Concat", [f"cn{l}" for l in range(LAYERS)], ["c_out"], axis=0),
    helper.make_node("Reshape", [f"x{LAYERS}", "row_shape"], ["top"]),
    helper.make_node("MatMul", ["top", "out_w"], ["proj"]),
    helper.make_node("Add", ["proj", "out_b"], ["logits"]),
]
state = [LAYERS, 1, HIDDEN]
graph = helper.make_graph(nodes, "lstm_token_model",
    [helper.make_tensor_value_info("token", TensorProto.INT64, [1]),
     helper.make_tensor_value_info("h", TensorProto.FLOAT, state), helper.make_tensor_value_info("c", TensorProto.FLOAT, state)],
    [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, VOCAB]),
     helper.make_tensor_value_info("h_out", TensorProto.FLOAT, state), helper.make_tensor_value_info("c_out", TensorProto.FLOAT, state)],
    inits)
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="euterpe-benchmarks")
onnx.checker.check_model(model)
onnx.save(model, sys.argv[1])
