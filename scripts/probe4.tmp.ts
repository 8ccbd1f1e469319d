import { readModelDir } from './lib/model-dir.ts';
import { modelFromFiles } from '../src/core/bundle.ts';
import { forward } from '../src/core/gpt.ts';
import { lastProbs } from '../src/core/trace.ts';
const { model, tokenizer } = modelFromFiles(readModelDir('public/models/tiny'));
for (const text of ['The woman stood at the window and looked for', 'The man stood at the window and looked for']) {
  const ids = tokenizer.encode(text); const T = ids.length; const tr = forward(model, ids);
  console.log(text, ids.map((i) => JSON.stringify(tokenizer.tokenText(i))).join(' '));
  tr.blocks.forEach((b, l) => { for (let h = 0; h < model.config.nHead; h++) { const row = Array.from(b.weights.data.subarray((h * T + T - 1) * T, (h * T + T) * T)); const j = row.indexOf(Math.max(...row)); console.log(`  L${l+1}H${h+1} last row max ${row[j].toFixed(2)} on ${JSON.stringify(tokenizer.tokenText(ids[j]))}; on noun ${row[1].toFixed(2)}`); } });
  const p = lastProbs(tr); const top = [...p.keys()].sort((a, b) => p[b] - p[a]).slice(0, 6); console.log('  ', top.map((i) => `${JSON.stringify(tokenizer.tokenText(i))} ${(p[i]*100).toFixed(1)}`).join(', '));
}
