import { bytesWithPartialsShown } from '../../../viz/format';

/** GPT-2's tokenizer as the tokens chapter uses it: ids, and each token's text with partial characters as ⟨XX⟩. */
export interface Gpt2Tokenizer {
  encode: (text: string) => number[];
  tokenText: (id: number) => string;
}

interface R50kModule {
  encode: (text: string, options?: { disallowedSpecial?: Set<string> }) => number[];
  decode: (ids: number[]) => string;
  default: unknown;
}

type TokenBytes = string | Uint8Array | undefined;
const utf8 = new TextEncoder();
const NO_SPECIAL_TOKENS = new Set<string>();

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
    // gpt-tokenizer throws on "<|endoftext|>" in the text unless told otherwise. The reader typed those
    // characters, and our own tokenizer reads them as characters (as encoder.py does), so GPT-2's does too.
    encode: (text) => module.encode(text, { disallowedSpecial: NO_SPECIAL_TOKENS }),
    tokenText: (id) => {
      const bytes = tryDecodeToken?.(id);
      if (bytes === undefined) return module.decode([id]);
      return bytesWithPartialsShown([...(typeof bytes === 'string' ? utf8.encode(bytes) : bytes)]);
    },
  };
}
