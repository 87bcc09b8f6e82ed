/* The C baseline for OrtLstmStepBenchmarks: the same token model, stepped the same way (bound inputs/outputs,
 * state copied from outputs to inputs after each run), calling ONNX Runtime's C API directly.
 * Usage: ort_lstm_step LIBONNXRUNTIME MODEL STEPS HIDDEN (the benchmark passes the libonnxruntime.so its own process
 * loaded: the Microsoft.ML.OnnxRuntime package's, beside the benchmark assembly)
 * Only the function-table entries used are declared, by their index in the published OrtApi order. */
#define _POSIX_C_SOURCE 199309L
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef void *Status; /* OrtStatus*, NULL = success */
typedef struct { const void *(*get_api)(uint32_t); const char *(*version)(void); } ApiBase;

enum {
  GET_ERROR_MESSAGE = 2, CREATE_ENV = 3, CREATE_SESSION = 7, CREATE_SESSION_OPTIONS = 10,
  SET_GRAPH_OPT_LEVEL = 23, SET_INTRA_OP_THREADS = 24, SET_INTER_OP_THREADS = 25,
  CREATE_TENSOR_WITH_DATA = 49, CREATE_CPU_MEMORY_INFO = 69, ADD_SESSION_CONFIG_ENTRY = 130,
  RUN_WITH_BINDING = 133, CREATE_IO_BINDING = 134, BIND_INPUT = 136, BIND_OUTPUT = 137
};

static void *const *api;
#define FN(index, type) ((type)api[index])

static void check(Status s, const char *what) {
  if (!s) return;
  fprintf(stderr, "%s: %s\n", what, FN(GET_ERROR_MESSAGE, const char *(*)(Status))(s));
  exit(2);
}

static void *tensor(void *mem, void *data, size_t bytes, const int64_t *shape, size_t rank, int type) {
  void *value = NULL;
  check(FN(CREATE_TENSOR_WITH_DATA, Status (*)(void *, void *, size_t, const int64_t *, size_t, int, void **))(
            mem, data, bytes, shape, rank, type, &value), "CreateTensorWithDataAsOrtValue");
  return value;
}

int main(int argc, char **argv) {
  if (argc != 5) { fprintf(stderr, "usage: %s LIBONNXRUNTIME MODEL STEPS HIDDEN\n", argv[0]); return 2; }
  void *lib = dlopen(argv[1], RTLD_NOW);
  if (!lib) { fprintf(stderr, "%s\n", dlerror()); return 2; }
  const ApiBase *(*get_base)(void) = (const ApiBase *(*)(void))dlsym(lib, "OrtGetApiBase");
  if (!get_base) { fprintf(stderr, "%s: no OrtGetApiBase\n", argv[1]); return 2; }
  api = (void *const *)get_base()->get_api(13);
  if (!api) { fprintf(stderr, "API version 13 unsupported\n"); return 2; }
  long steps = atol(argv[3]);
  long hidden = atol(argv[4]);
  if (steps <= 0 || hidden <= 0 || hidden > 4096) { fprintf(stderr, "bad STEPS or HIDDEN\n"); return 2; }

  void *env, *opts, *session, *mem, *binding;
  check(FN(CREATE_ENV, Status (*)(int, const char *, void **))(3, "bench", &env), "CreateEnv");
  check(FN(CREATE_SESSION_OPTIONS, Status (*)(void **))(&opts), "CreateSessionOptions");
  check(FN(SET_INTRA_OP_THREADS, Status (*)(void *, int))(opts, 1), "SetIntraOpNumThreads");
  check(FN(SET_INTER_OP_THREADS, Status (*)(void *, int))(opts, 1), "SetInterOpNumThreads");
  check(FN(SET_GRAPH_OPT_LEVEL, Status (*)(void *, int))(opts, 99), "SetSessionGraphOptimizationLevel");
  check(FN(ADD_SESSION_CONFIG_ENTRY, Status (*)(void *, const char *, const char *))(opts, "session.intra_op.allow_spinning", "0"), "AddSessionConfigEntry");
  check(FN(ADD_SESSION_CONFIG_ENTRY, Status (*)(void *, const char *, const char *))(opts, "session.inter_op.allow_spinning", "0"), "AddSessionConfigEntry");
  check(FN(CREATE_SESSION, Status (*)(void *, const char *, void *, void **))(env, argv[2], opts, &session), "CreateSession");
  check(FN(CREATE_CPU_MEMORY_INFO, Status (*)(int, int, void **))(0, 0, &mem), "CreateCpuMemoryInfo");

  enum { VOCAB = 388 };
  size_t state = (size_t)(3 * hidden), state_bytes = state * sizeof(float);
  static int64_t token[1];
  static float logits[VOCAB];
  float *h = calloc(state, sizeof(float)), *c = calloc(state, sizeof(float));
  float *h_out = calloc(state, sizeof(float)), *c_out = calloc(state, sizeof(float));
  if (!h || !c || !h_out || !c_out) { fprintf(stderr, "out of memory\n"); return 2; }
  const int64_t token_shape[] = {1}, state_shape[] = {3, 1, hidden}, logits_shape[] = {1, VOCAB};
  void *v_token = tensor(mem, token, sizeof token, token_shape, 1, 7);
  void *v_h = tensor(mem, h, state_bytes, state_shape, 3, 1), *v_c = tensor(mem, c, state_bytes, state_shape, 3, 1);
  void *v_ho = tensor(mem, h_out, state_bytes, state_shape, 3, 1), *v_co = tensor(mem, c_out, state_bytes, state_shape, 3, 1);
  void *v_logits = tensor(mem, logits, sizeof logits, logits_shape, 2, 1);

  check(FN(CREATE_IO_BINDING, Status (*)(void *, void **))(session, &binding), "CreateIoBinding");
  Status (*bind_in)(void *, const char *, void *) = FN(BIND_INPUT, Status (*)(void *, const char *, void *));
  Status (*bind_out)(void *, const char *, void *) = FN(BIND_OUTPUT, Status (*)(void *, const char *, void *));
  check(bind_in(binding, "token", v_token), "BindInput"); check(bind_in(binding, "h", v_h), "BindInput");
  check(bind_in(binding, "c", v_c), "BindInput");
  check(bind_out(binding, "logits", v_logits), "BindOutput"); check(bind_out(binding, "h_out", v_ho), "BindOutput");
  check(bind_out(binding, "c_out", v_co), "BindOutput");
  Status (*run)(void *, void *, void *) = FN(RUN_WITH_BINDING, Status (*)(void *, void *, void *));

  struct timespec t0, t1;
  for (long i = 0; i < steps / 10 + 10; i++) { /* warm-up */
    token[0] = i % VOCAB;
    check(run(session, NULL, binding), "RunWithBinding");
    memcpy(h, h_out, state_bytes); memcpy(c, c_out, state_bytes);
  }
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (long i = 0; i < steps; i++) {
    token[0] = i % VOCAB;
    check(run(session, NULL, binding), "RunWithBinding");
    memcpy(h, h_out, state_bytes); memcpy(c, c_out, state_bytes);
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
  printf("c:  hidden %ld, %ld steps, %.3f us/step, %.1f steps/s (ONNX Runtime %s)\n", hidden, steps, seconds * 1e6 / (double)steps,
         (double)steps / seconds, get_base()->version());
  return 0;
}
