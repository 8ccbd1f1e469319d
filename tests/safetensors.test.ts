import { describe, expect, it } from 'vitest';
import { readSafetensors, writeSafetensors } from '../src/core/safetensors';
import { bf16BitsToFloat, decodeF16, f16BitsToFloat, floatToF16Bits } from '../src/core/dtype';
import type { Tensor } from '../src/core/tensor';
import { tensor } from '../src/core/tensor';

// A safetensors file assembled byte by byte from a header string, independent of our writer.
function handBuilt(header: string, data: Uint8Array = new Uint8Array(0), headerLength?: number): Uint8Array {
  const headerBytes = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + headerBytes.length + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, headerLength ?? headerBytes.length, true);
  out.set(headerBytes, 8);
  out.set(data, 8 + headerBytes.length);
  return out;
}

function littleEndianF32(values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setFloat32(4 * i, v, true));
  return out;
}

function headerOf(file: Uint8Array): { length: number; text: string } {
  const length = new DataView(file.buffer, file.byteOffset).getUint32(0, true);
  return { length, text: new TextDecoder().decode(file.subarray(8, 8 + length)) };
}

describe('readSafetensors follows the spec', () => {
  it('reads a hand-built file with metadata, an unaligned data buffer and mixed dtypes', () => {
    // 4 F32 values then 2 F16 values (0x3C00 = 1, 0xC000 = -2), then 2 BF16 (0x3F80 = 1, 0x4049 = 3.140625).
    const data = new Uint8Array([...littleEndianF32([1.5, -2.25, 3, 1e-3]), 0x00, 0x3c, 0x00, 0xc0, 0x80, 0x3f, 0x49, 0x40]);
    const header =
      '{"__metadata__":{"format":"pt"},' +
      '"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},' +
      '"half":{"dtype":"F16","shape":[2],"data_offsets":[16,20]},' +
      '"brain":{"dtype":"BF16","shape":[2,1],"data_offsets":[20,24]}}';
    // Odd header length: the buffer starts at an offset no Float32Array view could use.
    const file = handBuilt(header + ' ', data);
    expect((8 + header.length + 1) % 4).not.toBe(0);

    const tensors = readSafetensors(file);
    expect([...tensors.keys()].sort()).toEqual(['brain', 'half', 'w']);
    expect(tensors.get('w')!.shape).toEqual([2, 2]);
    expect([...tensors.get('w')!.data]).toEqual([1.5, -2.25, 3, Math.fround(1e-3)]);
    expect([...tensors.get('half')!.data]).toEqual([1, -2]);
    expect(tensors.get('brain')!.shape).toEqual([2, 1]);
    expect([...tensors.get('brain')!.data]).toEqual([1, 3.140625]);
  });

  it('reads F64 as float32 and scalar (shape []) and empty tensors', () => {
    const data = new Uint8Array(24);
    const view = new DataView(data.buffer);
    view.setFloat64(0, 0.1, true);
    view.setFloat64(8, -4, true);
    view.setFloat64(16, -4, true);
    const header =
      '{"d":{"dtype":"F64","shape":[2],"data_offsets":[0,16]},' +
      '"scalar":{"dtype":"F64","shape":[],"data_offsets":[16,24]},' +
      '"empty":{"dtype":"F32","shape":[0,3],"data_offsets":[24,24]}}';
    const tensors = readSafetensors(handBuilt(header, data));
    expect([...tensors.get('d')!.data]).toEqual([Math.fround(0.1), -4]);
    expect(tensors.get('scalar')!.shape).toEqual([]);
    expect([...tensors.get('scalar')!.data]).toEqual([-4]);
    expect(tensors.get('empty')!.data.length).toBe(0);
  });

  it('copies values out, so tensors do not alias the file bytes', () => {
    const file = handBuilt('{"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}', littleEndianF32([7]));
    const x = readSafetensors(file).get('x')!;
    file.fill(0);
    expect(x.data[0]).toBe(7);
  });
});

describe('writeSafetensors', () => {
  const a = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
  const b = tensor([-1.25], [1]);
  const zero = tensor([0.5, 0.25], [2]);

  it('round-trips F32 exactly', () => {
    const values = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 10 ** ((i % 13) - 6));
    const big = { data: values, shape: [10, 100] };
    const back = readSafetensors(
      writeSafetensors(
        new Map([
          ['big', big],
          ['a', a],
        ]),
      ),
    );
    expect(back.get('big')!.shape).toEqual([10, 100]);
    expect(back.get('big')!.data).toEqual(values);
    expect(back.get('a')!.data).toEqual(a.data);
  });

  it('round-trips F16 within half precision (relative error at most 2^-11)', () => {
    const values = Float32Array.from({ length: 2000 }, (_, i) => Math.cos(i * 0.37) * 2 ** ((i % 20) - 8));
    const back = readSafetensors(writeSafetensors([['v', { data: values, shape: [2000] }]], { dtype: 'F16' }));
    const got = back.get('v')!.data;
    for (let i = 0; i < values.length; i++) {
      expect(Math.abs(got[i] - values[i])).toBeLessThanOrEqual(Math.abs(values[i]) * 2 ** -11);
    }
  });

  it('lays out a header padded with spaces to 8 bytes, tensors sorted by name, offsets from the buffer', () => {
    const file = writeSafetensors(
      [
        ['b', b],
        ['a', a],
        ['0', zero],
      ],
      { metadata: { source: 'test' } },
    );
    const { length, text } = headerOf(file);
    expect(length % 8).toBe(0);
    expect(text).toMatch(/^\{.*\} *$/);
    const header = JSON.parse(text);
    expect(header.__metadata__).toEqual({ source: 'test' });
    // '0' < 'a' < 'b', each F32: 2, 6 and 1 values.
    expect(header['0']).toEqual({ dtype: 'F32', shape: [2], data_offsets: [0, 8] });
    expect(header.a).toEqual({ dtype: 'F32', shape: [2, 3], data_offsets: [8, 32] });
    expect(header.b).toEqual({ dtype: 'F32', shape: [1], data_offsets: [32, 36] });
    expect(text.indexOf('"0"')).toBeLessThan(text.indexOf('"a"'));
    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"b"'));
    expect(file.length).toBe(8 + length + 36);
    const buffer = new DataView(file.buffer, 8 + length);
    expect(buffer.getFloat32(8, true)).toBe(1);
    expect(buffer.getFloat32(32, true)).toBe(-1.25);
  });

  it('gives the same bytes whatever the insertion order', () => {
    const one = writeSafetensors([
      ['b', b],
      ['a', a],
    ]);
    const two = writeSafetensors(
      new Map([
        ['a', a],
        ['b', b],
      ]),
    );
    expect(one).toEqual(two);
  });

  it('refuses mismatched data, duplicate names and the reserved metadata name', () => {
    expect(() => writeSafetensors([['bad', { data: new Float32Array(5), shape: [2, 3] }]])).toThrow(
      'tensor "bad" has 5 values but shape [2, 3]',
    );
    expect(() =>
      writeSafetensors([
        ['a', a],
        ['a', b],
      ]),
    ).toThrow('tensor "a" appears twice');
    expect(() => writeSafetensors([['__metadata__', a]])).toThrow('"__metadata__" is reserved');
  });
});

describe('float16 and bfloat16 conversions', () => {
  // Hand-checked binary16 encodings: sign | 5-bit exponent (bias 15) | 10-bit mantissa.
  const cases: [number, number][] = [
    [1, 0x3c00],
    [-2, 0xc000],
    [0.5, 0x3800],
    [65504, 0x7bff], // largest finite half
    [2 ** -24, 0x0001], // smallest subnormal
    [2 ** -14, 0x0400], // smallest normal
    [Infinity, 0x7c00],
    [-Infinity, 0xfc00],
    [0, 0x0000],
    [-0, 0x8000],
  ];

  it.each(cases)('encodes and decodes %s as the bits %d', (value, bits) => {
    expect(floatToF16Bits(value)).toBe(bits);
    expect(Object.is(f16BitsToFloat(bits), value)).toBe(true);
  });

  it('writes those values into an F16 file and reads them back exactly', () => {
    const values = cases.map(([v]) => v).concat([NaN]);
    const file = writeSafetensors([['h', tensor(values, [values.length])]], { dtype: 'F16' });
    const { length } = headerOf(file);
    const raw = new DataView(file.buffer, 8 + length);
    cases.forEach(([, bits], i) => expect(raw.getUint16(2 * i, true)).toBe(bits));
    const nanBits = raw.getUint16(2 * cases.length, true);
    expect(nanBits & 0x7c00).toBe(0x7c00);
    expect(nanBits & 0x03ff).not.toBe(0);
    const back = readSafetensors(file).get('h')!.data;
    values.forEach((v, i) => expect(Object.is(back[i], Math.fround(v))).toBe(true));
  });

  it('decodes every one of the 65,536 binary16 bit patterns as the one-value decoder does, from any byte offset', () => {
    const bytes = new Uint8Array(1 + 2 * 65536);
    for (let bits = 0; bits < 65536; bits++) {
      bytes[1 + 2 * bits] = bits & 0xff;
      bytes[2 + 2 * bits] = bits >>> 8;
    }
    const odd = decodeF16(bytes.subarray(1));
    const even = decodeF16(bytes.slice(1));
    for (let bits = 0; bits < 65536; bits++) {
      const want = f16BitsToFloat(bits);
      if (!Object.is(odd[bits], want) && !(Number.isNaN(want) && Number.isNaN(odd[bits])))
        throw new Error(`odd offset, bits ${bits}: ${odd[bits]} ≠ ${want}`);
      if (!Object.is(even[bits], want) && !(Number.isNaN(want) && Number.isNaN(even[bits])))
        throw new Error(`even offset, bits ${bits}: ${even[bits]} ≠ ${want}`);
    }
  });

  it('rounds to nearest, ties to even, and overflows to Infinity', () => {
    // Spacing just above 1 is 2^-10, so 1 + 2^-11 is a tie between 1 (even) and 1 + 2^-10 (odd).
    expect(floatToF16Bits(1 + 2 ** -11)).toBe(0x3c00);
    expect(floatToF16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(floatToF16Bits(1 + 2 ** -11 + 2 ** -20)).toBe(0x3c01);
    expect(floatToF16Bits(65519)).toBe(0x7bff);
    expect(floatToF16Bits(65520)).toBe(0x7c00);
    expect(floatToF16Bits(2 ** -25)).toBe(0x0000); // tie between 0 and 2^-24 goes to even 0
    expect(floatToF16Bits(1.5 * 2 ** -25)).toBe(0x0001);
    expect(floatToF16Bits(1e-10)).toBe(0x0000);
    expect(floatToF16Bits(2 ** -14 - 2 ** -25)).toBe(0x0400); // rounds up from subnormal into normal
  });

  it('decodes bfloat16 as the top half of a float32', () => {
    expect(bf16BitsToFloat(0x3f80)).toBe(1);
    expect(bf16BitsToFloat(0xc000)).toBe(-2);
    expect(bf16BitsToFloat(0x4049)).toBe(3.140625);
    expect(bf16BitsToFloat(0x7f80)).toBe(Infinity);
    expect(Object.is(bf16BitsToFloat(0x8000), -0)).toBe(true);
  });
});

describe('readSafetensors explains bad files', () => {
  const entry = (dtype: string, shape: unknown, offsets: unknown) =>
    `{"t":{"dtype":${JSON.stringify(dtype)},"shape":${JSON.stringify(shape)},"data_offsets":${JSON.stringify(offsets)}}}`;
  const read = (file: Uint8Array) => () => readSafetensors(file, 'weights.safetensors');

  it('a file shorter than 8 bytes', () => {
    expect(read(new Uint8Array(5))).toThrow('weights.safetensors: the file is only 5 bytes long');
  });

  it('a header length past the end of the file', () => {
    expect(read(handBuilt('{}', new Uint8Array(0), 1000))).toThrow(
      'weights.safetensors: the header claims to be 1000 bytes but only 2 bytes follow',
    );
    const huge = new Uint8Array(16);
    new DataView(huge.buffer).setUint32(4, 1, true); // 2^32 bytes
    expect(read(huge)).toThrow('the header claims to be 4294967296 bytes');
  });

  it('a header that is not JSON, or not an object', () => {
    expect(read(handBuilt('{"t": nope}'))).toThrow('weights.safetensors: the header is not valid UTF-8 JSON');
    expect(read(handBuilt('[1, 2]'))).toThrow('weights.safetensors: the header must be a JSON object');
    expect(read(handBuilt('null'))).toThrow('the header must be a JSON object');
    const badUtf8 = handBuilt('{"x":1}');
    badUtf8[10] = 0xff;
    expect(read(badUtf8)).toThrow('the header is not valid UTF-8 JSON');
  });

  it('an unknown dtype, naming the tensor and the dtype', () => {
    expect(read(handBuilt(entry('I64', [1], [0, 8]), new Uint8Array(8)))).toThrow(
      'weights.safetensors: tensor "t" has dtype "I64", which this reader does not support (it reads F32, F16, BF16, F64)',
    );
    expect(read(handBuilt('{"t":{"shape":[1],"data_offsets":[0,4]}}', new Uint8Array(4)))).toThrow('tensor "t" has dtype undefined');
  });

  it('a shape that is not an array of non-negative integers', () => {
    for (const shape of [[-1, 2], [1.5], '3', [null], null]) {
      expect(read(handBuilt(entry('F32', shape, [0, 4]), new Uint8Array(4)))).toThrow(
        `weights.safetensors: tensor "t" has shape ${JSON.stringify(shape)}; a shape must be an array of non-negative integers`,
      );
    }
  });

  it('data_offsets out of bounds, malformed, or not matching shape × dtype size', () => {
    expect(read(handBuilt(entry('F32', [2], [0, 8]), new Uint8Array(4)))).toThrow(
      'weights.safetensors: tensor "t" has data_offsets [0, 8], past the end of the 4-byte data buffer',
    );
    expect(read(handBuilt(entry('F32', [0], [4, 0]), new Uint8Array(4)))).toThrow(
      'data_offsets [4, 0]: its data would begin after it ends',
    );
    expect(read(handBuilt(entry('F32', [2], [0, 4]), new Uint8Array(8)))).toThrow(
      'weights.safetensors: tensor "t" has data_offsets [0, 4] covering 4 bytes, but shape [2] of F32 needs 8 bytes',
    );
    expect(read(handBuilt(entry('F16', [3], [0, 8]), new Uint8Array(8)))).toThrow('shape [3] of F16 needs 6 bytes');
    expect(read(handBuilt(entry('F32', [1], [0]), new Uint8Array(4)))).toThrow(
      'tensor "t" has data_offsets [0]; expected [begin, end] as two non-negative integers below 2^53',
    );
  });

  it('a tensor entry that is not an object', () => {
    expect(read(handBuilt('{"t": 3}'))).toThrow('tensor "t" must be described by an object');
  });

  it('uses the default file name when none is given', () => {
    expect(() => readSafetensors(new Uint8Array(0))).toThrow(/^model\.safetensors: /);
  });
});

describe('writeSafetensors output is a valid file for the reader in all dtypes', () => {
  it('keeps shapes of every rank', () => {
    const shapes = [[], [3], [2, 2], [1, 2, 3], [0]];
    const entries: [string, Tensor][] = shapes.map((s, i) => [`t${i}`, tensor(new Float32Array(s.reduce((p, d) => p * d, 1)).fill(i), s)]);
    for (const dtype of ['F32', 'F16'] as const) {
      const back = readSafetensors(writeSafetensors(entries, { dtype }));
      entries.forEach(([name, t]) => {
        expect(back.get(name)!.shape).toEqual(t.shape);
        expect(back.get(name)!.data).toEqual(t.data);
      });
    }
  });
});
