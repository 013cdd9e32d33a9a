/**
 * The five-whys chain of a postmortem: the next question, and a review of how deep the chain
 * goes. It answers "how deep should we dig?", one of the hard questions the talk this kit comes
 * from names: keep asking until the answer is something the organisation can change (a system,
 * a process, a habit of working), stop before it is a person, and know that a chain of one or two
 * whys usually stops at a symptom. Pure.
 */
import { findBlame, type BlameOptions } from './blame.js';
import type { Locale, WhyStep } from './domain.js';

/** Fewer answered whys than this usually stop at a symptom. */
export const WHYS_SHALLOW_BELOW = 3;
/** The usual depth: past it, a chain often wanders away from what the team can change. */
export const WHYS_USUAL_DEPTH = 5;
/** Most steps a postmortem keeps (the schema's limit). */
export const WHYS_MAX = 20;

const ENDING = /[\s。．.!！?？、,]+$/u;

/**
 * The question that follows `answer`: "Why <answer>?" in English ("Why did this happen?" when
 * there is no answer yet), 「なぜ<answer>のか？」 in Japanese. A person edits it freely.
 */
export function nextWhyQuestion(answer: string, locale: Locale): string {
  const said = answer.trim().replace(ENDING, '');
  if (locale === 'ja') {
    if (!said) return 'なぜそれが起きたのか？';
    // 「〜ため」「〜から」 give the reason: ask about what it names.
    return `なぜ「${said.replace(/(?:ため|から|ので)$/u, '')}」のか？`;
  }
  if (!said) return 'Why did this happen?';
  // "The cache..." reads on as "the cache..."; acronyms (TLS) and "I" stay as written.
  const lowered = /^(?!I\b)[A-Z](?=[a-z]|\s)/.test(said) ? said[0]!.toLowerCase() + said.slice(1) : said;
  return `Why: ${lowered.replace(/^because\s+/i, '')}?`;
}

/** `steps` with a new last step, its question following the last answer. */
export function addWhy(steps: readonly WhyStep[], locale: Locale): WhyStep[] {
  if (steps.length >= WHYS_MAX) return [...steps];
  return [...steps, { question: nextWhyQuestion(steps[steps.length - 1]?.answer ?? '', locale), answer: '' }];
}

/** `steps` with the step at `index` moved by `by` places (clamped to the list). */
export function moveWhy(steps: readonly WhyStep[], index: number, by: number): WhyStep[] {
  const next = [...steps];
  const to = Math.max(0, Math.min(next.length - 1, index + by));
  if (index < 0 || index >= next.length || to === index) return next;
  const [step] = next.splice(index, 1);
  next.splice(to, 0, step!);
  return next;
}

/** How a five-whys chain stands, for the writer. */
export interface WhyChainReview {
  /** Steps with an answer, counted from the first until the first unanswered one. */
  readonly answered: number;
  /** No step yet. */
  readonly empty: boolean;
  /** Answered, but fewer than {@link WHYS_SHALLOW_BELOW}: it likely stops at a symptom. */
  readonly shallow: boolean;
  /** More than {@link WHYS_USUAL_DEPTH} steps: check that the last ones are still about this incident. */
  readonly deep: boolean;
  /** The last answer blames a person: a person is never where the chain ends. Ask why the system let it happen. */
  readonly endsAtPerson: boolean;
  /** Steps (0-based) whose answer blames a person. */
  readonly blamingSteps: readonly number[];
  /** Deep enough, and the last answer does not stop at a person. */
  readonly complete: boolean;
}

/** Reviews a chain: how many whys are answered, whether it is shallow, and whether it stops at a person. */
export function reviewWhys(steps: readonly WhyStep[], options: BlameOptions = {}): WhyChainReview {
  let answered = 0;
  while (answered < steps.length && steps[answered]!.answer.trim() !== '') answered++;
  const blamingSteps = steps.flatMap((step, index) => (findBlame(step.answer, options).length > 0 ? [index] : []));
  const endsAtPerson = answered > 0 && blamingSteps.includes(answered - 1);
  const shallow = answered > 0 && answered < WHYS_SHALLOW_BELOW;
  return {
    answered,
    empty: steps.length === 0,
    shallow,
    deep: steps.length > WHYS_USUAL_DEPTH,
    endsAtPerson,
    blamingSteps,
    complete: answered >= WHYS_SHALLOW_BELOW && !endsAtPerson,
  };
}
