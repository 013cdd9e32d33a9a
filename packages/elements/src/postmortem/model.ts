/**
 * The postmortem element's document model: pure functions over core's `PostmortemContent` (what a
 * person edits), the template the postmortem came from, and what a draft keeps. No DOM.
 *
 * What is shown is the union of the template's sections (in its order, with their prompts) and
 * the postmortem's own; the kit's guided builders (contributing factors, five whys, prevention
 * actions, thanks) are always offered, after the template's sections when it names none for them.
 */
import {
  DEFAULT_POSTMORTEM_TEMPLATE,
  contentOf,
  localize,
  sectionGuide,
  type Locale,
  type LocalizedText,
  type Postmortem,
  type PostmortemContent,
  type PostmortemTemplate,
  type SectionGuide,
  type Stored,
} from '@hansei/core';

/** One section as the element shows it. */
export interface SectionView {
  readonly key: string;
  readonly title: string;
  /** The template's guiding question ('' when the template has none for it). */
  readonly prompt: string;
  readonly lang: Locale;
  readonly required: boolean;
  /** The help the kit gives it: a prefill from the incident, a builder, or none. */
  readonly guide: SectionGuide | null;
  readonly body: string;
}

/** The builders the element always offers. */
const BUILDER_KEYS = ['contributing_factors', 'five_whys', 'action_items', 'acknowledgements'] as const;

function text(value: LocalizedText | undefined, locale: Locale): { text: string; lang: Locale } {
  if (!value) return { text: '', lang: 'en' };
  const shown = localize(value, locale);
  return { text: shown, lang: locale === 'ja' && shown === value.ja ? 'ja' : 'en' };
}

/** The sections to show for `content` from `template` (see the module comment). */
export function sectionViews(content: PostmortemContent, template: PostmortemTemplate | null, locale: Locale): SectionView[] {
  const own = new Map(content.sections.map((s) => [s.key, s]));
  const fromTemplate = new Map((template?.sections ?? []).map((s) => [s.key, s]));
  const keys = [...(template?.sections.map((s) => s.key) ?? []), ...content.sections.map((s) => s.key)];
  for (const key of BUILDER_KEYS) keys.push(key);
  return [...new Set(keys)].map((key) => {
    const spec = fromTemplate.get(key) ?? DEFAULT_POSTMORTEM_TEMPLATE.sections.find((s) => s.key === key);
    const stored = own.get(key);
    const title = stored?.title ? { text: stored.title, lang: locale } : text(spec?.title ?? { en: key }, locale);
    const prompt = text(spec?.prompt, locale);
    return {
      key,
      title: title.text,
      prompt: prompt.text,
      lang: prompt.text ? prompt.lang : title.lang,
      required: fromTemplate.get(key)?.required ?? false,
      guide: sectionGuide(key),
      body: stored?.body ?? '',
    };
  });
}

/**
 * `content` with section `key`'s body set to `body`. A section the postmortem did not have yet is
 * added (titled `title`) where the view shows it, so saved documents keep the template's order.
 */
export function withSectionBody(content: PostmortemContent, views: readonly SectionView[], key: string, title: string, body: string): PostmortemContent {
  if (content.sections.some((s) => s.key === key)) {
    return { ...content, sections: content.sections.map((s) => (s.key === key ? { ...s, body } : s)) };
  }
  const order = views.map((v) => v.key);
  const at = order.indexOf(key);
  const sections = [...content.sections];
  const before = sections.findIndex((s) => order.indexOf(s.key) > at);
  sections.splice(before === -1 ? sections.length : before, 0, { key, title, body });
  return { ...content, sections };
}

/** The sections a new postmortem starts with: the template's, titled in `locale`, bodies from `prefill` where it has one. */
export function startingSections(template: PostmortemTemplate, locale: Locale, prefill: Readonly<Record<string, string>>): PostmortemContent['sections'] {
  return template.sections.map((s) => ({ key: s.key, title: localize(s.title, locale), body: prefill[s.key] ?? '' }));
}

/** Required sections with nothing written yet (builders count as written when they hold something). */
export function emptyRequired(views: readonly SectionView[], content: PostmortemContent, actionCount: number): SectionView[] {
  const filled = (v: SectionView): boolean => {
    if (v.body.trim()) return true;
    switch (v.guide) {
      case 'factors':
        return content.contributingFactors.length > 0;
      case 'whys':
        return content.fiveWhys.some((w) => w.answer.trim());
      case 'thanks':
        return content.acknowledgements.length > 0;
      case 'actions':
        return actionCount > 0;
      default:
        return false;
    }
  };
  return views.filter((v) => v.required && !filled(v));
}

/** What a draft keeps: the content, and the postmortem as it was when editing began. */
export interface DraftValue {
  readonly content: PostmortemContent;
  readonly base: Stored<Postmortem>;
}

/** Whether `value` is a draft this element wrote. */
export function isDraftValue(value: unknown): value is DraftValue {
  const v = value as Partial<DraftValue> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.content?.title === 'string' &&
    Array.isArray(v.content.sections) &&
    typeof v.base?.id === 'string' &&
    typeof v.base.version === 'number'
  );
}

/** Whether `value` is a stored postmortem (a conflict's `current`). */
export function isStoredPostmortem(value: unknown): value is Stored<Postmortem> {
  const v = value as Partial<Stored<Postmortem>> | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.version === 'number' && Array.isArray(v.sections);
}

export { contentOf };

/** Labels typed as text, comma-separated (also the Japanese comma), trimmed, without repeats. */
export function parseLabels(text: string): string[] {
  return [...new Set(text.split(/[,、]/).map((l) => l.trim()).filter(Boolean))];
}
