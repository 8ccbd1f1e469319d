import { writeFileSync } from 'node:fs';
import { assembleMatmul, MATMUL_WASM_TS, matmulWasmSource } from '../lib/wasm';

const base64 = await assembleMatmul();
writeFileSync(MATMUL_WASM_TS, matmulWasmSource(base64));
console.log(`wrote ${MATMUL_WASM_TS} (${Buffer.from(base64, 'base64').length} bytes of WebAssembly)`);
