import { formatCount } from '../../viz/format';
import { useMemo } from 'react';
import { useUrlParam } from '../state/url';
import { parseWholeNumber, validateSettings, type SamplingSettings, type SettingsProblem } from '../../core/sampling';
import type { Lang, UiStrings } from '../i18n';
import { t } from '../i18n';

// Sampling settings and the seed live in the URL (out.t, out.k, out.p, out.seed), so a shared link
// reproduces a generation run. The URL keeps what the reader typed; validateSettings decides what is used.
// An empty field is the default, and its key leaves the URL rather than staying as "out.t=".

const raw = (value: string | null) => value ?? '';
const absentWhenEmpty = (value: string) => (value === '' ? null : value);

export interface SamplingState {
  settings: SamplingSettings;
  problems: SettingsProblem[];
  typed: { temperature: string; topK: string; topP: string };
  setTemperature: (v: string) => void;
  setTopK: (v: string) => void;
  setTopP: (v: string) => void;
}

export function useSampling(vocabSize: number): SamplingState {
  const [temperature, setTemperature] = useUrlParam('out.t', raw, absentWhenEmpty, 'replace');
  const [topK, setTopK] = useUrlParam('out.k', raw, absentWhenEmpty, 'replace');
  const [topP, setTopP] = useUrlParam('out.p', raw, absentWhenEmpty, 'replace');
  const validated = useMemo(() => validateSettings({ temperature, topK, topP }, vocabSize), [temperature, topK, topP, vocabSize]);
  const typed = useMemo(() => ({ temperature, topK, topP }), [temperature, topK, topP]);
  return { ...validated, typed, setTemperature, setTopK, setTopP };
}

export const DEFAULT_SEED = 42;
export const MAX_SEED = 4294967295;

export function parseSeed(value: string | null): { seed: number; bad: string | null } {
  if (value === null || value === '') return { seed: DEFAULT_SEED, bad: null };
  const n = parseWholeNumber(value);
  return n !== null && n <= MAX_SEED ? { seed: n, bad: null } : { seed: DEFAULT_SEED, bad: value };
}

/** The seed in use, and what the address holds: '' for none, which means the default. */
export function useSeed(): { seed: number; typed: string; bad: string | null; setSeed: (v: string) => void } {
  const [typed, setSeed] = useUrlParam('out.seed', raw, absentWhenEmpty, 'replace');
  const { seed, bad } = parseSeed(typed);
  return { seed, typed, bad, setSeed };
}

// out.eot=continue leaves "<|endoftext|>" out and keeps drawing; without it a run stops on the token.
const parseStopAtEnd = (raw: string | null) => raw !== 'continue';
const serializeStopAtEnd = (stop: boolean) => (stop ? null : 'continue');

/** Whether a generation run stops when the model draws "<|endoftext|>", kept in the URL with the other settings. */
export function useEndOfTextRule(): [boolean, (stop: boolean) => void] {
  return useUrlParam('out.eot', parseStopAtEnd, serializeStopAtEnd, 'replace');
}

const PROBLEM_KEY: Record<SettingsProblem['code'], keyof UiStrings> = {
  temperatureNotANumber: 'outProblemTemperatureNotANumber',
  temperatureClamped: 'outProblemTemperatureClamped',
  topKNotANumber: 'outProblemTopKNotANumber',
  topKRounded: 'outProblemTopKRounded',
  topKOff: 'outProblemTopKOff',
  topKClamped: 'outProblemTopKClamped',
  topPNotANumber: 'outProblemTopPNotANumber',
  topPClamped: 'outProblemTopPClamped',
  topPOff: 'outProblemTopPOff',
};

/** A settings problem in the reader's language: the value quoted as typed, what it became as prose writes a count (8,192). */
export function problemText(p: SettingsProblem, ui: UiStrings, lang: Lang): string {
  const to = p.to === null ? ui.outOff : Number.isInteger(p.to) ? formatCount(p.to, lang) : String(p.to);
  return t(ui, PROBLEM_KEY[p.code], lang, { value: String(p.value), to });
}
