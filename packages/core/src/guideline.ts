/**
 * The default severity guideline and incident roles, in English and Japanese, and the small
 * functions that read them. Sources: Atlassian's incident-management handbook (SEV1..SEV3,
 * postmortem and action-item targets), PagerDuty's response docs (SEV4, "assume the worst",
 * roles) and the Google SRE book (incident command, operations, communication, hand-off).
 */
import type {
  LocalizedText,
  RoleAssignment,
  RoleDefinition,
  RoleKey,
  SeverityGuideline,
  SeverityLevel,
} from './domain.js';

/** A problem found in a guideline: where (dotted path, as in validation issues) and what. */
export interface GuidelineProblem {
  readonly path: string;
  readonly message: string;
}

/** The kit's default severity scale, SEV1 (most severe) to SEV4. */
export const DEFAULT_SEVERITY_GUIDELINE: SeverityGuideline = {
  levels: [
    {
      code: 'SEV1',
      rank: 1,
      name: { en: 'Critical', ja: '致命的' },
      criteria: [
        { en: 'Customer data is lost or corrupted.', ja: '顧客データの消失または破損が発生している。' },
        {
          en: 'A security breach: data exposed or systems accessed without authorisation.',
          ja: 'セキュリティ侵害（情報漏えい・不正アクセス）が発生している。',
        },
        {
          en: 'The product is down or unusable for all customers.',
          ja: 'すべての顧客がサービスを利用できない、または実質的に利用できない。',
        },
        {
          en: 'Payments fail or are charged wrongly.',
          ja: '決済が失敗する、または誤った金額で処理される。',
        },
      ],
      demands: {
        page: 'immediately',
        publicUpdate: 'required',
        postmortem: 'required',
        acknowledgeWithinMinutes: 5,
        updateEveryMinutes: 30,
        actionsDueWithinDays: 28,
        requiredRoles: ['incident_commander', 'communications', 'scribe'],
        notes: [
          {
            en: 'Tell the executive on call and the support leads.',
            ja: '当番の経営層とサポート責任者に連絡する。',
          },
          {
            en: 'Public messages go out only after the Incident Commander approves them.',
            ja: '対外発信はインシデントコマンダーの承認を得てから行う。',
          },
        ],
      },
    },
    {
      code: 'SEV2',
      rank: 2,
      name: { en: 'Major', ja: '重大' },
      criteria: [
        {
          en: 'The product is down or unusable for a subset of customers.',
          ja: '一部の顧客がサービスを利用できない。',
        },
        {
          en: 'A critical function is broken or badly degraded, with no workaround.',
          ja: '重要な機能が停止している、または著しく劣化しており、回避策がない。',
        },
      ],
      demands: {
        page: 'immediately',
        publicUpdate: 'required',
        postmortem: 'required',
        acknowledgeWithinMinutes: 15,
        updateEveryMinutes: 60,
        actionsDueWithinDays: 56,
        requiredRoles: ['incident_commander'],
        notes: [
          {
            en: 'Tell support, so they can answer customers.',
            ja: 'サポートチームに共有し、顧客からの問い合わせに備える。',
          },
        ],
      },
    },
    {
      code: 'SEV3',
      rank: 3,
      name: { en: 'Minor', ja: '軽微' },
      criteria: [
        {
          en: 'Partial loss of function with a workaround, or a non-critical function is broken.',
          ja: '機能の一部が失われているが回避策がある、または重要度の低い機能が停止している。',
        },
        {
          en: 'Performance is noticeably degraded for some customers.',
          ja: '一部の顧客で明らかな性能劣化が発生している。',
        },
        {
          en: 'It may become SEV2 if it is not handled soon.',
          ja: '早期に対応しなければ SEV2 に発展するおそれがある。',
        },
      ],
      demands: {
        page: 'working_hours',
        publicUpdate: 'recommended',
        postmortem: 'recommended',
        acknowledgeWithinMinutes: null,
        updateEveryMinutes: null,
        actionsDueWithinDays: null,
        requiredRoles: [],
        notes: [
          {
            en: 'Handle it in working hours; raise it to SEV2 if the impact spreads.',
            ja: '営業時間内に対応する。影響が広がった場合は SEV2 に引き上げる。',
          },
        ],
      },
    },
    {
      code: 'SEV4',
      rank: 4,
      name: { en: 'Low', ja: '低' },
      criteria: [
        {
          en: 'A minor problem that does not block customers (cosmetic, small inconvenience).',
          ja: '顧客の業務を妨げない軽微な問題（表示の乱れ、軽い不便など）。',
        },
        {
          en: 'Internal tooling or a redundant component is degraded, with no customer impact.',
          ja: '顧客影響のない、社内ツールや冗長構成の一部の劣化。',
        },
      ],
      demands: {
        page: 'none',
        publicUpdate: 'optional',
        postmortem: 'optional',
        acknowledgeWithinMinutes: null,
        updateEveryMinutes: null,
        actionsDueWithinDays: null,
        requiredRoles: [],
        notes: [
          {
            en: 'Track it as a ticket; no incident call is needed.',
            ja: 'チケットで管理する。対応メンバーの招集は不要。',
          },
        ],
      },
    },
  ],
  whenUnsure: {
    en: 'When unsure, pick the higher severity.',
    ja: '判断に迷う場合は、より高い重大度を選んでください。',
  },
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/** The kit's default incident roles, one per key of `DEFAULT_ROLE_KEYS`, in that order. */
export const DEFAULT_ROLES: readonly RoleDefinition[] = [
  {
    key: 'incident_commander',
    name: { en: 'Incident Commander', ja: 'インシデントコマンダー' },
    responsibilities: [
      {
        en: 'Holds the single authority over the response: decides, delegates and keeps everyone on one plan.',
        ja: '対応全体の唯一の指揮権を持ち、判断と役割の割り当てを行い、全員を一つの計画のもとで動かす。',
      },
      {
        en: 'Coordinates and does not fix the problem hands-on.',
        ja: '自ら手を動かして修正せず、調整に専念する。',
      },
      {
        en: 'Sets and changes the severity, and approves public messages.',
        ja: '重大度を設定・変更し、対外発信を承認する。',
      },
      {
        en: 'Hands off command explicitly; the new commander acknowledges it.',
        ja: '指揮を交代するときは明示的に引き継ぎ、引き継いだ側が了承したことを確認する。',
      },
      {
        en: 'Declares the incident resolved and names the postmortem owner.',
        ja: '収束を宣言し、ポストモーテムの担当者を決める。',
      },
    ],
    multiple: false,
    command: true,
  },
  {
    key: 'deputy',
    name: { en: 'Deputy', ja: '副インシデントコマンダー' },
    responsibilities: [
      {
        en: 'Stands by to take over command from the Incident Commander at any time.',
        ja: 'インシデントコマンダーの代行として待機し、いつでも指揮を引き継げるようにする。',
      },
      {
        en: 'Tracks open questions, time checks and follow-ups for the commander.',
        ja: '未解決の論点、時間の確認、フォローアップを管理し、インシデントコマンダーを補佐する。',
      },
      {
        en: 'Brings in more responders when asked.',
        ja: '必要に応じて追加の対応メンバーを招集する。',
      },
    ],
    multiple: false,
    command: false,
  },
  {
    key: 'communications',
    name: { en: 'Communications', ja: 'コミュニケーション担当' },
    responsibilities: [
      {
        en: 'Writes the public status updates and posts them once the Incident Commander approves.',
        ja: 'ステータスページの更新文を作成し、インシデントコマンダーの承認後に公開する。',
      },
      {
        en: 'Keeps stakeholders, support and executives informed at the agreed interval.',
        ja: '決められた間隔で、関係者・サポート・経営層に状況を共有する。',
      },
      {
        en: 'Collects questions from customers and support and brings them to the commander.',
        ja: '顧客やサポートからの問い合わせを集約し、インシデントコマンダーに伝える。',
      },
    ],
    multiple: false,
    command: false,
  },
  {
    key: 'operations_lead',
    name: { en: 'Operations lead', ja: 'オペレーションリード' },
    responsibilities: [
      {
        en: 'Leads the hands-on work to mitigate and recover; only this team changes the system.',
        ja: '緩和と復旧の実作業を指揮する。システムに変更を加えるのはこのチームのみとする。',
      },
      {
        en: 'Directs the subject-matter experts and reports progress to the Incident Commander.',
        ja: '各領域の専門家に作業を割り振り、進捗をインシデントコマンダーに報告する。',
      },
    ],
    multiple: false,
    command: false,
  },
  {
    key: 'scribe',
    name: { en: 'Scribe', ja: '記録係' },
    responsibilities: [
      {
        en: 'Keeps the live incident log: decisions, actions and findings, with their times.',
        ja: '判断・実施した対応・判明した事実を、時刻とともにインシデントの記録に残す。',
      },
      {
        en: 'Records who holds which role, and every hand-off.',
        ja: '誰がどの役割を担っているか、またすべての引き継ぎを記録する。',
      },
      {
        en: 'Gathers links to graphs, logs and chat for the postmortem.',
        ja: 'ポストモーテムのために、グラフ・ログ・チャットへのリンクを集める。',
      },
    ],
    multiple: false,
    command: false,
  },
  {
    key: 'subject_matter_expert',
    name: { en: 'Subject-matter expert', ja: '領域専門家（SME）' },
    responsibilities: [
      {
        en: 'Investigates and fixes within their area when asked.',
        ja: '依頼に応じて、担当領域の調査と修正を行う。',
      },
      {
        en: 'Reports as condition, actions and needs.',
        ja: '「現状・実施中の対応・必要なもの」の形で報告する。',
      },
      {
        en: 'Does not change the system without telling the operations lead.',
        ja: 'オペレーションリードに伝えずにシステムを変更しない。',
      },
    ],
    multiple: true,
    command: false,
  },
];

/**
 * The text to show for `locale` (`en`, `ja` or any BCP 47 tag): the Japanese text when the
 * locale's language is `ja` (`ja`, `ja-JP`, `ja_JP`) and a non-blank Japanese text exists,
 * otherwise the English text.
 */
export function localize(text: LocalizedText, locale: string): string {
  const language = locale.toLowerCase().split(/[-_]/)[0];
  return language === 'ja' && text.ja !== undefined && text.ja.trim() !== '' ? text.ja : text.en;
}

/**
 * The level of `guideline` whose code is exactly `code`. Throws a RangeError naming the code and
 * the known codes when there is none.
 */
export function severityLevel(guideline: SeverityGuideline, code: string): SeverityLevel {
  const level = guideline.levels.find((l) => l.code === code);
  if (!level) {
    const known = guideline.levels.map((l) => l.code).join(', ') || 'none';
    throw new RangeError(`Unknown severity "${code}": expected one of ${known}.`);
  }
  return level;
}

/**
 * Sort comparator: negative when `a` is more severe (lower rank) than `b`, positive when less,
 * 0 when equal. `codes.sort((a, b) => compareSeverity(g, a, b))` puts the most severe first.
 * Throws like {@link severityLevel} for an unknown code.
 */
export function compareSeverity(guideline: SeverityGuideline, a: string, b: string): number {
  return severityLevel(guideline, a).rank - severityLevel(guideline, b).rank;
}

/** The roles that must be filled while an incident of severity `code` is open. Throws for an unknown code. */
export function requiredRoles(guideline: SeverityGuideline, code: string): readonly RoleKey[] {
  return severityLevel(guideline, code).demands.requiredRoles;
}

/**
 * The required roles of severity `code` that nobody holds: no assignment in
 * `currentAssignments` (the incident's assignments, history included) for that role with
 * `releasedAt` null. In the guideline's order. Throws for an unknown code.
 */
export function missingRoles(
  guideline: SeverityGuideline,
  code: string,
  currentAssignments: readonly RoleAssignment[],
): RoleKey[] {
  const held = new Set(currentAssignments.filter((a) => a.releasedAt === null).map((a) => a.role));
  return requiredRoles(guideline, code).filter((role) => !held.has(role));
}

/**
 * Problems an administrator must fix before saving `guideline`: no levels, blank or duplicate
 * codes (case-insensitive), ranks that are not whole numbers of 1 or more, duplicate or
 * non-ascending ranks, blank names, empty or blank criteria, required roles missing from
 * `roles`, and blank advice. Empty when the guideline is sound.
 */
export function checkGuideline(
  guideline: SeverityGuideline,
  roles: readonly RoleDefinition[] = DEFAULT_ROLES,
): GuidelineProblem[] {
  const problems: GuidelineProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const knownRoles = new Set(roles.map((r) => r.key));
  const codes = new Map<string, string>();
  const ranks = new Map<number, string>();
  if (guideline.levels.length === 0) add('levels', 'The guideline needs at least one severity level.');
  guideline.levels.forEach((level, i) => {
    const at = `levels.${i}`;
    const code = level.code.trim();
    const label = code || `Level ${i + 1}`;
    if (!code) add(`${at}.code`, `Level ${i + 1} needs a code, like SEV${i + 1}.`);
    else if (codes.has(code.toLowerCase())) add(`${at}.code`, `Severity code "${code}" is used twice.`);
    else codes.set(code.toLowerCase(), code);
    if (!Number.isInteger(level.rank) || level.rank < 1) {
      add(`${at}.rank`, `Rank of ${label} must be a whole number of 1 or more, not ${level.rank}.`);
    } else if (ranks.has(level.rank)) {
      add(`${at}.rank`, `Rank ${level.rank} is used by both ${ranks.get(level.rank)} and ${label}.`);
    } else {
      const previous = guideline.levels[i - 1];
      if (previous && previous.rank > level.rank) {
        add(`${at}.rank`, `Levels must be listed by ascending rank: ${label} (rank ${level.rank}) comes after rank ${previous.rank}.`);
      }
      ranks.set(level.rank, label);
    }
    if (!level.name.en.trim()) add(`${at}.name.en`, `${label} needs an English name.`);
    if (level.criteria.length === 0) add(`${at}.criteria`, `${label} needs at least one criterion.`);
    level.criteria.forEach((c, j) => {
      if (!c.en.trim()) add(`${at}.criteria.${j}.en`, `Criterion ${j + 1} of ${label} is empty.`);
    });
    level.demands.requiredRoles.forEach((role, j) => {
      if (!knownRoles.has(role)) {
        add(
          `${at}.demands.requiredRoles.${j}`,
          `${label} requires the role "${role}", which is not defined; known roles: ${[...knownRoles].join(', ') || 'none'}.`,
        );
      }
    });
  });
  if (!guideline.whenUnsure.en.trim()) add('whenUnsure.en', 'The advice for when unsure is empty.');
  return problems;
}
