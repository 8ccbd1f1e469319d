import { cooccurrenceCounts, ppmiInPlace } from '../../src/core/train/ppmi.ts';
import { truncatedSvd } from '../../src/core/train/svd.ts';
import { createRng } from '../../src/core/rng.ts';

export interface EmbeddingRecipe {
  dims: number;
  window: number;
  harmonic: boolean;
  /** Singular values enter as S^power: 0.5 (√S) balances the two factors of PPMI ≈ U S Vᵀ. */
  singularPower: number;
  /** Target root-mean-square of the entries, so the frozen wte sits at a scale the network trains well with. */
  rms: number;
  /**
   * Subtract the mean row before scaling. Every PPMI + SVD row shares one large direction (the first
   * singular vector, mostly word frequency); centred rows leave attention something other than it to compare.
   */
  centre?: boolean;
}

/** wte (V, dims) from PPMI + truncated SVD of the token co-occurrences. */
export function buildEmbedding(tokens: ArrayLike<number>, V: number, recipe: EmbeddingRecipe, seed = 1): Float32Array {
  const ppmi = ppmiInPlace(cooccurrenceCounts(tokens, V, { window: recipe.window, harmonic: recipe.harmonic }), V);
  const { u, s } = truncatedSvd(ppmi, V, V, recipe.dims, createRng(seed));
  const wte = new Float32Array(V * recipe.dims);
  let sq = 0;
  for (let v = 0; v < V; v++) {
    for (let j = 0; j < recipe.dims; j++) {
      const x = u[v * recipe.dims + j] * Math.pow(s[j], recipe.singularPower);
      wte[v * recipe.dims + j] = x;
      sq += x * x;
    }
  }
  if (recipe.centre) {
    const mean = new Float64Array(recipe.dims);
    for (let v = 0; v < V; v++) for (let j = 0; j < recipe.dims; j++) mean[j] += wte[v * recipe.dims + j] / V;
    sq = 0;
    for (let v = 0; v < V; v++) {
      for (let j = 0; j < recipe.dims; j++) {
        const x = (wte[v * recipe.dims + j] -= mean[j]);
        sq += x * x;
      }
    }
  }
  const scale = recipe.rms / Math.sqrt(sq / wte.length);
  for (let i = 0; i < wte.length; i++) wte[i] *= scale;
  return wte;
}
