import { bytesWithPartialsShown } from '../../../viz/format';

/** GPT-2's tokenizer as the tokens chapter uses it: ids, and each token's text with partial characters as ⟨XX⟩. */
export interface Gpt2Tokenizer {
  encode: (text: string) => number[];
  tokenText: (id: number) => string;
}

interface R50kModule {
  encode: (text: string) => number[];
  decode: (ids: number[]) => string;
  default: unknown;
}

type TokenBytes = string | Uint8Array | undefined;
const utf8 = new TextEncoder();

/**
 * gpt-tokenizer decodes through one streaming TextDecoder, so decoding tokens one at a time leaks a partial
 * character from one call into the next ('' then '國'). The exact bytes of each token come from its byte-pair
 * table instead; if a later version of the library moves that table, tokens fall back to a plain decode.
 */
export function gpt2Tokenizer(module: R50kModule): Gpt2Tokenizer {
  const core = (module.default as { bytePairEncodingCoreProcessor?: { tryDecodeToken?: (id: number) => TokenBytes } })
    .bytePairEncodingCoreProcessor;
  const tryDecodeToken = core?.tryDecodeToken?.bind(core);
  return {
    encode: (text) => module.encode(text),
    tokenText: (id) => {
      const bytes = tryDecodeToken?.(id);
      if (bytes === undefined) return module.decode([id]);
      return bytesWithPartialsShown([...(typeof bytes === 'string' ? utf8.encode(bytes) : bytes)]);
    },
  };
}
