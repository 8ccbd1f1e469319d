// Half-precision conversions for checkpoints. The model itself always computes in float32;
// f16 and bf16 only exist on disk, so these functions sit at the file boundary.
//
// float32 bits: 1 sign | 8 exponent (bias 127) | 23 mantissa
// float16 bits: 1 sign | 5 exponent (bias 15)  | 10 mantissa
// bfloat16 bits: the top 16 bits of a float32

// One shared word lets us reinterpret a float's bits without a DataView per value.
const word = new Float32Array(1);
const wordBits = new Uint32Array(word.buffer);

/** Decode one IEEE 754 binary16 value given as its 16 bits. */
export function f16BitsToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24; // zero or subnormal, keeps -0
  if (exponent === 0x1f) return mantissa ? NaN : sign * Infinity;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/**
 * Encode a number as binary16 bits, rounding to nearest with ties to even as numpy and
 * PyTorch do. Values beyond 65504 (after rounding) become ±Infinity; tiny ones flush
 * through the subnormals to ±0.
 */
export function floatToF16Bits(value: number): number {
  word[0] = value;
  const x = wordBits[0];
  const sign = (x >>> 16) & 0x8000;
  const exponent = (x >>> 23) & 0xff;
  const mantissa = x & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00;
  if (halfExponent >= 1) {
    // Adding the rounding carry to the packed bits lets it ripple into the exponent,
    // so 65520 correctly rounds up to Infinity.
    const packed = (halfExponent << 10) | (mantissa >>> 13);
    return sign | (packed + roundUp(mantissa, 13));
  }
  // Subnormal result: value = m * 2^-24, so shift the full significand (implicit 1 included).
  const shift = 14 - halfExponent;
  if (shift > 24) return sign;
  const significand = mantissa | 0x800000;
  return sign | ((significand >>> shift) + roundUp(significand, shift));
}

// 1 when dropping the low `shift` bits of `bits` should round up (nearest, ties to even).
function roundUp(bits: number, shift: number): number {
  const dropped = bits & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  if (dropped > half) return 1;
  if (dropped < half) return 0;
  return (bits >>> shift) & 1;
}

/** Decode one bfloat16 value given as its 16 bits: it is the top half of a float32. */
export function bf16BitsToFloat(bits: number): number {
  wordBits[0] = (bits & 0xffff) << 16;
  return word[0];
}

// All 65536 binary16 values, built on first use: decoding a GPT-2-sized f16 file is then
// a table look-up per weight instead of a few branches and a power.
let f16Table: Float32Array | null = null;

function f16DecodeTable(): Float32Array {
  if (!f16Table) {
    f16Table = new Float32Array(65536);
    // A normal binary16 value is a float32 with the exponent rebiased (15 -> 127) and the mantissa
    // moved up 13 bits, so most of the table is bit arithmetic; zeros, subnormals, infinities and NaN
    // take the slow path.
    const tableBits = new Uint32Array(f16Table.buffer);
    for (let bits = 0; bits < 65536; bits++) {
      const exponent = (bits >> 10) & 0x1f;
      if (exponent === 0 || exponent === 0x1f) f16Table[bits] = f16BitsToFloat(bits);
      else tableBits[bits] = (((bits & 0x8000) << 16) | ((exponent + 112) << 23) | ((bits & 0x3ff) << 13)) >>> 0;
    }
  }
  return f16Table;
}

/** Little-endian binary16 bytes -> float32 values. `bytes` may start at any offset. */
export function decodeF16(bytes: Uint8Array): Float32Array {
  const table = f16DecodeTable();
  const out = new Float32Array(bytes.length >> 1); // (n)
  for (let i = 0; i < out.length; i++) out[i] = table[bytes[2 * i] | (bytes[2 * i + 1] << 8)];
  return out;
}

/** Little-endian bfloat16 bytes -> float32 values. */
export function decodeBf16(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.length >> 1); // (n)
  const outBits = new Uint32Array(out.buffer);
  for (let i = 0; i < out.length; i++) outBits[i] = ((bytes[2 * i] | (bytes[2 * i + 1] << 8)) << 16) >>> 0;
  return out;
}

/** float32 values -> little-endian binary16 bytes. */
export function encodeF16(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length * 2); // (2n)
  for (let i = 0; i < values.length; i++) {
    const bits = floatToF16Bits(values[i]);
    out[2 * i] = bits & 0xff;
    out[2 * i + 1] = bits >>> 8;
  }
  return out;
}
