import { readFileSync } from 'node:fs';
import wabtInit from 'wabt';

export const MATMUL_WAT = 'src/core/ops/matmul.wat';
export const MATMUL_WASM_TS = 'src/core/ops/matmulWasm.ts';

/** The matrix-product kernels assembled from their WebAssembly text, as base64. */
export async function assembleMatmul(): Promise<string> {
  const wabt = await wabtInit();
  const module = wabt.parseWat(MATMUL_WAT, readFileSync(MATMUL_WAT, 'utf8'), { simd: true });
  try {
    module.validate();
    return Buffer.from(module.toBinary({}).buffer).toString('base64');
  } finally {
    module.destroy();
  }
}

export function matmulWasmSource(base64: string): string {
  return `// Generated from matmul.wat by \`npm run build:wasm\`; a test checks that the two agree. Do not edit.
export const MATMUL_WASM_BASE64 =
  '${base64}';
`;
}
