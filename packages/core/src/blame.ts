/**
 * Blame language: where a postmortem's text points at a person instead of a system, so the
 * writer can be prompted, gently, to describe what made the outcome possible. English and
 * Japanese. Pure.
 *
 * The heuristic, and why
 * - It looks for phrases, not for people. A finding needs words that only blame a person:
 *   - a person doing something only people do wrong ("Taro forgot", "the engineer neglected",
 *     "担当者が確認を怠った");
 *   - a verdict on a person ("careless", "negligence", "不注意", "確認不足");
 *   - the "human error" label ("human error", "operator error", "ヒューマンエラー", "操作ミス");
 *   - "be more careful" as a countermeasure ("pay more attention", "注意を徹底", "気をつける"),
 *     which changes nothing in the system;
 *   - hindsight ("should have known", "obviously", "べきだった").
 * - A person is recognised by a pronoun (he, she, someone; with verbs only people do also I, we,
 *   they, the team), by a noun for someone's job ("the on-call engineer", "担当者"), by a Japanese
 *   honorific ("田中さん"), or by a name given in `names` (the people the backend knows).
 *   Verbs anyone or anything can do ("failed to", "broke", "didn't") count only after a clear
 *   person ("he", "the developer", a name), never after "we" or "they", which often stand for a
 *   system or a team owning its work.
 * - It prefers missing a finding to a false one: a prompt that fires on "the cache forgot stale
 *   keys" or "lazy loading" teaches people to ignore it. So no single common word triggers it
 *   ("mistake", "error" and "wrong" alone do not), technical phrases are excluded ("lazy
 *   loading"), and overlapping findings are reported once.
 *
 * Elements word the prompts (the kit's `hansei-postmortem` shows one per kind); this module only
 * finds where and what kind.
 */

export const BLAME_KINDS = ['person', 'human_error', 'judgement', 'be_careful', 'hindsight'] as const;
/**
 * - `person`: a person as the cause ("she forgot to", "田中さんが見落とした");
 * - `human_error`: the label that ends an investigation where it should start;
 * - `judgement`: a verdict on someone's character or attention ("careless", "不注意");
 * - `be_careful`: vigilance as a countermeasure ("be more careful", "注意を徹底");
 * - `hindsight`: knowing the outcome ("should have known", "べきだった").
 */
export type BlameKind = (typeof BLAME_KINDS)[number];

/** One place in the text. `start` and `end` are UTF-16 offsets into it (`text.slice(start, end)`). */
export interface BlameFinding {
  readonly kind: BlameKind;
  readonly start: number;
  readonly end: number;
  /** The words found. */
  readonly text: string;
}

export interface BlameOptions {
  /**
   * Names (and handles) of people, recognised as persons: full names and each part of a name
   * (Latin parts of 3 characters or more, Japanese parts of 2 or more).
   */
  readonly names?: readonly string[];
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Full names and their usable parts, longest first (so "Yui Tanaka" wins over "Yui"). */
function nameAlternatives(names: readonly string[]): string[] {
  const found = new Set<string>();
  for (const raw of names) {
    const name = raw.trim().replace(/^@/, '');
    if (name.length < 2) continue;
    found.add(name);
    for (const part of name.split(/[\s\u3000]+/)) {
      const latin = /^[\x20-\x7e]+$/.test(part);
      if (part.length >= (latin ? 3 : 2)) found.add(part);
    }
  }
  return [...found].sort((a, b) => b.length - a.length).map(escape);
}

// ---------------------------------------------------------------------------------------------
// English

const JOB =
  '(?:engineer|developer|dev|programmer|operator|admin|administrator|on-?call(?:er)?|oncall|intern|new hire|newcomer|junior|contractor|sre|reviewer|author|employee|staff member|team member|person|guy|support agent|tester)';
const CLEAR_PERSON = `(?:he|she|someone|somebody|(?:the|an?|our|their|that|this)\\s+(?:new\\s+|junior\\s+|senior\\s+|on-?call\\s+)?${JOB})`;
const ANY_PERSON = '(?:i|we|they|you|the\\s+(?:[a-z]+\\s+)?team)';
const ADVERB = '(?:\\s+(?:just|simply|also|then|again|apparently|clearly|obviously|accidentally|mistakenly|carelessly|completely|totally))*';
/** Verbs only people do (wrong). */
const PERSONAL_VERB =
  "(?:forgot|forgets|had forgotten|neglected|neglects|messed up|screwed up|fat-?fingered|botched|overlooked|ignored|was (?:careless|sloppy|lazy|negligent)|(?:was not|wasn't) careful|(?:did not|didn't) bother|made (?:a|an|the) (?:mistake|error|blunder)|should(?: have|'ve) known|failed to (?:notice|check|follow|read|test|verify|review|pay attention|double-check))";
/** Verbs anything can do: blame only after a clear person. */
const GENERAL_VERB =
  "(?:failed to|(?:did not|didn't) (?:check|test|notice|follow|read|verify|review|update|renew|ask|escalate|look|think|realise|realize|catch|see|run|know)|broke|caused|missed|should(?: not)? have|shouldn't have|was responsible|is to blame|(?:ran|pushed|deployed|clicked|typed|chose|picked|used|applied|merged|entered|selected|edited|changed) (?:the |a )?wrong)";
const FAULT_NOUN = '(?:fault|mistake|error|carelessness|negligence|oversight|blunder)';

function englishRules(names: string): [BlameKind, RegExp][] {
  const person = names ? `(?:${CLEAR_PERSON}|${names})` : CLEAR_PERSON;
  return [
    ['person', new RegExp(`\\b(?:${person})${ADVERB}\\s+(?:${PERSONAL_VERB}|${GENERAL_VERB})\\b`, 'giu')],
    ['person', new RegExp(`\\b${ANY_PERSON}${ADVERB}\\s+${PERSONAL_VERB}\\b`, 'giu')],
    ['person', new RegExp(`\\b(?:his|her|their|(?:${person})['’]s)\\s+${FAULT_NOUN}\\b`, 'giu')],
    ['person', new RegExp(`\\b(?:${FAULT_NOUN}|blame[ds]?)\\s+(?:of|by|on)\\s+(?:him|her|them|${person})\\b`, 'giu')],
    ['person', new RegExp(`\\bblamed?\\s+(?:him|her|them|${person})\\b`, 'giu')],
    ['human_error', /\b(?:human|operator|user|pilot|manual|individual|personal)\s+(?:error|mistake|failure)s?\b|\bfat[- ]finger(?:ed|ing|s)?\b|\bpebkac\b/giu],
    [
      'judgement',
      /\b(?:careless(?:ness|ly)?|negligen(?:t|ce)|sloppy|sloppiness|incompeten(?:t|ce)|reckless(?:ness)?|stupid(?:ity)?|idiot(?:ic|s)?|inattentive|inattention|lack of (?:attention|care|diligence|discipline)|not paying attention|(?:did not|didn't) pay attention|laziness|lazy(?!\s+(?:load|loading|loaded|evaluat|init|import|load\w*)))\b/giu,
    ],
    [
      'be_careful',
      /\b(?:(?:be|being|to be|are|is|was)\s+(?:more\s+|extra\s+)?(?:careful|cautious|vigilant|diligent|mindful)|pay(?:ing)?\s+(?:more\s+|closer\s+|extra\s+)?attention|try(?:ing)? harder|(?:remind|tell|ask|told|reminded|asked)\s+(?:everyone|people|engineers|the team|developers|staff|all)\s+to\s+(?:be|check|double|pay|remember)|double-?check(?:ing)?\s+(?:more\s+)?carefully|(?:more|extra)\s+(?:care|caution|vigilance)|rais(?:e|ing)\s+awareness)\b/giu,
    ],
    ['hindsight', /\b(?:should(?: have|'ve) known|obviously should|it was obvious|(?:could|should) easily have|clearly should have)\b/giu],
  ];
}

// ---------------------------------------------------------------------------------------------
// Japanese (no word boundaries: phrases are specific enough on their own)

const JA_JOB = '(?:担当者|作業者|オペレーター|オペレータ|運用者|運用担当|開発者|開発担当|エンジニア|新人|新入社員|レビュアー|レビュワー|実装者|当番|オンコール担当|彼女|彼|誰か)';
const JA_HONORIFIC = '(?:(?!客さん|皆さん|お客)[\\p{Script=Han}\\p{Script=Katakana}ー]{1,6}|[A-Za-z]{2,20})(?:さん|くん|君|氏)';
const JA_DID_WRONG =
  '(?:忘れ|怠っ|怠り|怠た|見落と|見逃|確認しなかっ|確認せず|確認を怠|間違え|誤っ|ミスし|ミスを|不注意|うっかり|勘違い|手順を守らなかっ|守らず|無視し)';

function japaneseRules(names: string): [BlameKind, RegExp][] {
  const person = `(?:${JA_JOB}|${JA_HONORIFIC}${names ? `|(?:${names})(?:さん|くん|君|氏|様)?` : ''})`;
  return [
    ['person', new RegExp(`${person}(?:が|は|も)[^。．！？!?\\n]{0,20}?${JA_DID_WRONG}`, 'gu')],
    ['person', new RegExp(`${person}の(?:せい|責任|ミス|不注意|落ち度|過失)`, 'gu')],
    ['human_error', /ヒューマンエラー|人為的な?(?:ミス|エラー)|人的(?:ミス|エラー)|(?:操作|確認|作業|入力|手作業)ミス|凡ミス|うっかりミス|ケアレスミス/gu],
    ['judgement', /不注意|注意(?:力)?不足|確認不足|怠慢|不手際|気の緩み|意識(?:が|の)?低(?:さ|い|かった)|意識不足|認識不足|自覚不足|緊張感(?:の|が)?(?:欠如|不足|足りな)|油断/gu],
    [
      'be_careful',
      /気を(?:つけ|付け)(?:る|ます|ましょう|て)|注意(?:を)?徹底|周知徹底|注意喚起|(?:十分|細心の)注意を払|意識(?:を)?(?:高め|向上|付け|づけ|改革)|徹底(?:する|します|させ|を図|いたします)|慎重に(?:作業|確認|対応)する/gu,
    ],
    ['hindsight', /べきだった|べきであった|(?:当然|明らかに)(?:気づく|わかる|分かる)べき/gu],
  ];
}

/** Rules per names list: a page asks for the same people again and again. */
const cache = new Map<string, [BlameKind, RegExp][]>();

function rulesFor(names: readonly string[]): [BlameKind, RegExp][] {
  const alternatives = nameAlternatives(names).join('|');
  let rules = cache.get(alternatives);
  if (!rules) {
    rules = [...englishRules(alternatives), ...japaneseRules(alternatives)];
    if (cache.size > 20) cache.clear();
    cache.set(alternatives, rules);
  }
  return rules;
}

/**
 * The places in `text` where it blames a person rather than describing a system (see the module
 * comment for how), in order, never overlapping: where two rules find overlapping words, the one
 * that starts first (then the longer one) is kept.
 */
export function findBlame(text: string, options: BlameOptions = {}): BlameFinding[] {
  if (text.trim() === '') return [];
  const found: BlameFinding[] = [];
  for (const [kind, rule] of rulesFor(options.names ?? [])) {
    rule.lastIndex = 0;
    for (const match of text.matchAll(rule)) {
      found.push({ kind, start: match.index, end: match.index + match[0].length, text: match[0] });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: BlameFinding[] = [];
  for (const finding of found) {
    const last = kept[kept.length - 1];
    if (!last || finding.start >= last.end) kept.push(finding);
  }
  return kept;
}

/** The kinds found in `text`, each once, in the order they first appear. */
export function blameKinds(text: string, options: BlameOptions = {}): BlameKind[] {
  return [...new Set(findBlame(text, options).map((f) => f.kind))];
}
