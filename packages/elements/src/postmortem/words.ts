/**
 * The words the postmortem element says about its own work, in the active locale: the gentle
 * prompts for blame language, the five-whys review, the balance of actions. The domain's words
 * (categories, kinds, statuses) are core's (`postmortem-words.ts`), shared with the Markdown
 * export, so the screen and the exported document say the same thing.
 */
import { msg, str } from '@lit/localize';
import type { BlameKind, WhyChainReview } from '@hansei/core';

/** A gentle prompt for blame language of `kind`: what to write about instead. */
export function blamePrompt(kind: BlameKind): string {
  switch (kind) {
    case 'person':
      return msg('This points at a person. What in the system or the process made this easy to do, or hard to notice?', {
        desc: 'Postmortem: prompt when the text blames a person',
      });
    case 'human_error':
      return msg('“Human error” is where the investigation starts, not where it ends. What about the tools, defaults or process made the error likely?', {
        desc: 'Postmortem: prompt when the text says human error',
      });
    case 'judgement':
      return msg('Words like “careless” judge a person. Describe what happened, and what made it possible.', {
        desc: 'Postmortem: prompt when the text judges a person (careless, negligent)',
      });
    case 'be_careful':
      return msg('Being more careful rarely stops a repeat. What change in the system would catch or prevent this?', {
        desc: 'Postmortem: prompt when the countermeasure is to be more careful',
      });
    case 'hindsight':
      return msg('That is hindsight. What did people know at the time, and why did what they did make sense then?', {
        desc: 'Postmortem: prompt when the text uses hindsight (should have known)',
      });
  }
}

/** What the five-whys chain needs next, or null when nothing. */
export function whysAdvice(review: WhyChainReview): { text: string; done: boolean } | null {
  if (review.empty) return null;
  if (review.endsAtPerson) {
    return {
      done: false,
      text: msg('The chain stops at a person. Ask why the system allowed it, or why nothing caught it.', { desc: 'Postmortem five whys: the last answer blames a person' }),
    };
  }
  if (review.shallow) {
    return {
      done: false,
      text: msg(str`${review.answered} answered: one or two whys usually stop at a symptom. Keep asking until you reach something you can change.`, {
        desc: 'Postmortem five whys: fewer than three answered whys',
      }),
    };
  }
  if (review.deep) {
    return { done: true, text: msg('More than five: check that the last answers are still about this incident.', { desc: 'Postmortem five whys: more than five steps' }) };
  }
  if (review.complete) {
    return { done: true, text: msg('Deep enough: the chain ends at something you can change.', { desc: 'Postmortem five whys: the chain is complete' }) };
  }
  return null;
}

/** The heading of the actions' balance: how many of each. */
export function balanceWords(shortTerm: number, rootCause: number): string {
  return msg(str`Short-term: ${shortTerm} · Root cause: ${rootCause}`, { desc: 'Postmortem: counts of short-term and root-cause actions' });
}

export function needsRootCauseWords(): string {
  return msg('No root-cause action yet. A short-term fix ends this incident; what would stop it from happening again?', {
    desc: 'Postmortem: asked when the incident has no root-cause action',
  });
}

export function removeHintWords(): string {
  return msg('Is there something the team should stop doing? A “Remove” action takes work away instead of adding more.', {
    desc: 'Postmortem: hint when no action removes anything',
  });
}

export const saveLabel = (): string => msg('Save', { id: 'postmortem.save', desc: 'Postmortem: save button' });
export const savingLabel = (): string => msg('Saving…', { id: 'postmortem.saving', desc: 'Postmortem: save button while saving' });
export const removeLabel = (): string => msg('Remove', { id: 'postmortem.remove', desc: 'Postmortem: remove an item (a factor, a why, a thank-you)' });
export const yoursLabel = (): string => msg('Yours', { id: 'postmortem.yours', desc: 'Postmortem conflict: your version' });
export const theirsLabel = (): string => msg('Saved by someone else', { id: 'postmortem.theirs', desc: 'Postmortem conflict: the version saved by someone else' });
export const emptyText = (): string => msg('(empty)', { id: 'postmortem.empty', desc: 'Postmortem: shown for a blank section or value' });
