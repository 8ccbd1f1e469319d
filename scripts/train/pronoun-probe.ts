import { readModelDir } from '../lib/model-dir.ts';
import { modelFromFiles } from '../../src/core/bundle.ts';
import { SHIPPED_MODEL_DIR } from './paths.ts';
import { PROBE_FRAMES, pronounProbe } from './pronounProbe.ts';

// The pronoun probe (pronounProbe.ts), one line per sentence frame.
//
//   npx tsx scripts/train/pronoun-probe.ts [MODEL_DIR]
//
// Each cell: the male subject's last word, then FLIP (both right), m (he/his after both), f (she/her after both)
// or x (both wrong), and after the female subject P(right) / P(wrong) in percent.
const pairs = pronounProbe(modelFromFiles(readModelDir(process.argv[2] ?? SHIPPED_MODEL_DIR)));
const percent = (p: number) => (100 * p).toFixed(1);
for (const [frame] of PROBE_FRAMES) {
  const cells = pairs
    .filter((p) => p.frame === frame)
    .map((p) => {
      const verdict = p.maleRight && p.femaleRight ? 'FLIP' : p.maleRight ? 'm' : p.femaleRight ? 'f' : 'x';
      return `${p.maleSubject.split(' ').pop()}:${verdict}(${percent(p.femaleProbs[0])}/${percent(p.femaleProbs[1])})`;
    });
  console.log(frame.padEnd(26), cells.join(' '));
}
console.log(`both right: ${pairs.filter((p) => p.maleRight && p.femaleRight).length} of ${pairs.length} pairs`);
