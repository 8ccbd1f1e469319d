"""The bench's GPT-2-shaped forward pass in NumPy, float32 throughout, to set beside ours.

    python3 scripts/bench/gpt2_numpy.py [--layers 12 --embd 768 --heads 12 --vocab 50257 --positions 1024]
                                        [--plan '[{"tokens": 16, "warmup": 3, "repeats": 11}, ...]']

`npm run bench -- --gpt2-shaped` runs it with its own shape and timing plan and with
OMP_NUM_THREADS=OPENBLAS_NUM_THREADS=MKL_NUM_THREADS=1 unless told otherwise, since our core runs on one
thread. The pass is picoGPT's (layer norm, c_attn, causal attention with the heads batched, c_proj,
GELU MLP, final layer norm), with logits for the last position only, as the app computes them. The
weights are random, from NumPy's own generator. It prints one JSON object: the median time per token
count after a warm-up, and what NumPy says about its BLAS and threads.
"""

import argparse
import json
import os
import sys
import time

try:
    import numpy as np
except ImportError:
    print(json.dumps({"error": "numpy is not installed for this python3"}))
    sys.exit(3)

F32 = np.float32
THREAD_VARIABLES = ["OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"]


def gelu(x):  # GPT-2's tanh approximation; the constants are float32 so nothing widens to float64
    return F32(0.5) * x * (F32(1) + np.tanh(F32(np.sqrt(2 / np.pi)) * (x + F32(0.044715) * x * x * x)))


def softmax(x):  # [..., n] -> [..., n]
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def layer_norm(x, g, b, eps=F32(1e-5)):  # [T, C] -> [T, C]
    mean = np.mean(x, axis=-1, keepdims=True)
    variance = np.var(x, axis=-1, keepdims=True)
    return g * (x - mean) / np.sqrt(variance + eps) + b


def linear(x, w, b):  # [T, in] @ [in, out] + [out] -> [T, out]
    return x @ w + b


def attention(qkv, n_head, mask):  # [T, 3C] -> [T, C]
    T, C3 = qkv.shape
    C = C3 // 3
    hs = C // n_head
    q, k, v = (qkv[:, i * C : (i + 1) * C].reshape(T, n_head, hs).transpose(1, 0, 2) for i in range(3))  # 3 × [NH, T, HS]
    scores = q @ k.transpose(0, 2, 1) / F32(np.sqrt(hs)) + mask  # [NH, T, T]
    out = softmax(scores) @ v  # [NH, T, HS]
    return out.transpose(1, 0, 2).reshape(T, C)


def block(x, p, n_head, mask):  # [T, C] -> [T, C]
    x = x + linear(attention(linear(layer_norm(x, *p["ln_1"]), *p["c_attn"]), n_head, mask), *p["attn_proj"])
    return x + linear(gelu(linear(layer_norm(x, *p["ln_2"]), *p["c_fc"])), *p["mlp_proj"])


def gpt2_last_logits(ids, params, n_head):  # [T] -> [V]
    T = len(ids)
    x = params["wte"][ids] + params["wpe"][:T]  # [T, C]
    mask = (F32(1) - np.tri(T, dtype=F32)) * F32(-1e10)  # [T, T] 0 on and below the diagonal
    for p in params["blocks"]:
        x = block(x, p, n_head, mask)
    x = layer_norm(x[-1:], *params["ln_f"])  # [1, C]: only the last position's logits are needed
    return (x @ params["wte"].T)[0]  # [1, C] @ [C, V] -> [V], W_u tied to wte


def random_params(rng, layers, C, V, positions, std=0.02):
    def normal(shape, scale):
        w = rng.standard_normal(shape, dtype=F32)
        w *= F32(scale)
        return w

    def ln():
        return (np.ones(C, dtype=F32), np.zeros(C, dtype=F32))

    def lin(n_in, n_out, scale):
        return (normal((n_in, n_out), scale), np.zeros(n_out, dtype=F32))

    resid = std / np.sqrt(2 * layers)
    blocks = [
        {
            "ln_1": ln(),
            "c_attn": lin(C, 3 * C, std),
            "attn_proj": lin(C, C, resid),
            "ln_2": ln(),
            "c_fc": lin(C, 4 * C, std),
            "mlp_proj": lin(4 * C, C, resid),
        }
        for _ in range(layers)
    ]
    return {"wte": normal((V, C), std), "wpe": normal((positions, C), std / 2), "blocks": blocks, "ln_f": ln()}


def median_ms(run, warmup, repeats):
    for _ in range(warmup):
        run()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        run()
        times.append((time.perf_counter() - t0) * 1000)
    return sorted(times)[len(times) // 2]  # as the TypeScript bench: the upper middle for an even count


def blas_info():
    info = {"numpy": np.__version__, "threads_env": {k: os.environ.get(k) for k in THREAD_VARIABLES}}
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        info["blas"] = f"{blas.get('name')} {blas.get('version')}"
    except Exception as e:  # older NumPy has no mode="dicts"
        info["blas"] = f"unknown ({e})"
    try:
        from threadpoolctl import threadpool_info

        info["threadpools"] = [{"api": p["internal_api"], "num_threads": p["num_threads"]} for p in threadpool_info()]
    except ImportError:
        info["threadpools"] = "threadpoolctl is not installed; the thread count is what threads_env sets"
    return info


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--layers", type=int, default=12)
    parser.add_argument("--embd", type=int, default=768)
    parser.add_argument("--heads", type=int, default=12)
    parser.add_argument("--vocab", type=int, default=50257)
    parser.add_argument("--positions", type=int, default=1024)
    parser.add_argument("--seed", type=int, default=2019)
    parser.add_argument(
        "--plan",
        default='[{"tokens": 16, "warmup": 3, "repeats": 11}, {"tokens": 64, "warmup": 2, "repeats": 7},'
        ' {"tokens": 256, "warmup": 1, "repeats": 5}]',
    )
    args = parser.parse_args()
    t0 = time.perf_counter()
    params = random_params(np.random.default_rng(args.seed), args.layers, args.embd, args.vocab, args.positions)
    init_ms = (time.perf_counter() - t0) * 1000
    ids_rng = np.random.default_rng(args.seed + 1)
    cases = []
    for step in json.loads(args.plan):
        ids = ids_rng.integers(0, args.vocab, size=step["tokens"])
        logits = gpt2_last_logits(ids, params, args.heads)
        assert logits.dtype == F32 and logits.shape == (args.vocab,), (logits.dtype, logits.shape)
        ms = median_ms(lambda: gpt2_last_logits(ids, params, args.heads), step["warmup"], step["repeats"])
        cases.append({"tokens": step["tokens"], "forward_ms_median": ms})
    print(json.dumps({**blas_info(), "init_ms": init_ms, "cases": cases}))


if __name__ == "__main__":
    main()
