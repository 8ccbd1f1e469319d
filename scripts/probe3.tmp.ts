import { readModelDir } from './lib/model-dir.ts';
import { modelFromFiles } from '../src/core/bundle.ts';
import { forward } from '../src/core/gpt.ts';
import { lastProbs } from '../src/core/trace.ts';
import { singleTokenId } from '../src/core/nextToken.ts';
const loaded = modelFromFiles(readModelDir(process.argv[2] ?? 'public/models/tiny'));
const { model, tokenizer } = loaded;
const her = singleTokenId(tokenizer, ' her')!, his = singleTokenId(tokenizer, ' his')!;
const frames = ['In the morning the {N} looked for','The old {N} got up and looked for','The {N} opened the door and looked for','The {N} came into the room and looked for','The {N} went back to the house to look for','The {N} stood at the window and looked for','After dinner the {N} looked for','The {N} reached into the bag for','The {N} searched the house for','The {N} looked in the drawer for','The {N} came home late and could not find','The {N} got up early and looked for','The {N} went to the station to meet'];
for (const [f, m] of [['woman','man'],['mother','father'],['queen','king']] as const) for (const fr of frames) {
  const res = [f, m].map((n) => {
    const ids = tokenizer.encode(fr.replace('{N}', n));
    const tr = forward(model, ids);
    const p = lastProbs(tr);
    const nounPos = ids.findIndex((id) => tokenizer.tokenText(id).trim() === n);
    const T = ids.length; let best = 0, where = '';
    tr.blocks.forEach((b, l) => { for (let h = 0; h < model.config.nHead; h++) { const w = b.weights.data[(h * T + T - 1) * T + nounPos]; if (w > best) { best = w; where = `L${l + 1}H${h + 1}`; } } });
    let top = 0; p.forEach((x, i) => { if (x > p[top]) top = i; });
    return { her: p[her], his: p[his], top: tokenizer.tokenText(top), best, where };
  });
  const flip = res[0].her > res[0].his && res[1].his > res[1].her;
  console.log(`${flip ? 'FLIP' : '    '} ${fr.replace('{N}', f + '/' + m).padEnd(46)} ${res.map((r) => `her ${(r.her * 100).toFixed(1)} his ${(r.his * 100).toFixed(1)} top${JSON.stringify(r.top)} ${r.where} ${r.best.toFixed(2)}`).join(' | ')}`);
}
