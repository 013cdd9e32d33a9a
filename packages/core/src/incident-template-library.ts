/**
 * The incident templates the kit ships, English and Japanese, read-only and the same on every
 * backend: the usual shapes of an incident, with a severity of the default guideline, a public
 * impact, a visibility, labels and a first public update a responder can post as it is.
 * Components are the organisation's, so built-in templates name none: ticking one gives it the
 * status the chosen impact suggests.
 */
import type { Id, IncidentTemplate } from './domain.js';

/** Slower than usual for some customers: SEV3, minor, public. */
export const DEGRADED_PERFORMANCE_TEMPLATE: IncidentTemplate = {
  id: 'degraded-performance',
  name: { en: 'Degraded performance', ja: 'パフォーマンス低下' },
  description: {
    en: 'Pages or APIs are slower than usual, or some requests time out, but the product still works. Raise it to SEV2 if a critical function stops working.',
    ja: '画面やAPIの応答が通常より遅い、または一部のリクエストがタイムアウトするものの、サービスは利用できる状態。重要な機能が使えなくなったらSEV2に引き上げます。',
  },
  title: { en: 'Slower than usual responses', ja: '応答速度の低下' },
  summary: { en: 'Some requests are slower than usual.', ja: '一部のリクエストで応答が通常より遅くなっています。' },
  severity: 'SEV3',
  impact: 'minor',
  visibility: 'public',
  components: [],
  labels: ['performance'],
  updateBody: {
    en: 'We are investigating slower than usual responses. Some requests may take longer than usual or time out. We will post an update within 30 minutes.',
    ja: '通常より応答が遅くなっている事象について調査しています。一部のリクエストで時間がかかる、またはタイムアウトする場合があります。30分以内に続報をお知らせします。',
  },
  builtIn: true,
};

/** A component is down for some or all customers: SEV2, major, public. */
export const COMPONENT_OUTAGE_TEMPLATE: IncidentTemplate = {
  id: 'component-outage',
  name: { en: 'Outage of a component', ja: 'コンポーネントの停止' },
  description: {
    en: 'A component is down or unusable for some customers. Tick the components affected; raise it to SEV1 if every customer is affected or payments fail.',
    ja: '一部のお客様がコンポーネントを利用できない状態。影響を受けているコンポーネントを選びます。すべてのお客様に影響がある場合や決済が失敗する場合はSEV1に引き上げます。',
  },
  title: { en: 'Service outage', ja: 'サービス障害' },
  summary: { en: 'Some features are unavailable.', ja: '一部の機能がご利用いただけない状態です。' },
  severity: 'SEV2',
  impact: 'major',
  visibility: 'public',
  components: [],
  labels: ['outage'],
  updateBody: {
    en: 'We are investigating an outage: some features are unavailable. We are working to restore them and will post an update within 30 minutes.',
    ja: '障害が発生しており、一部の機能がご利用いただけない状態です。ご迷惑をおかけして申し訳ございません。復旧に向けて対応しており、30分以内に続報をお知らせします。',
  },
  builtIn: true,
};

/** A suspected breach: SEV1, internal until the response lead decides what to say. */
export const SECURITY_INCIDENT_TEMPLATE: IncidentTemplate = {
  id: 'security-internal',
  name: { en: 'Security incident (internal)', ja: 'セキュリティインシデント（社内限定）' },
  description: {
    en: 'Suspected unauthorised access, exposed data or credentials, or malware. Internal: nothing goes to the status page until the response lead decides what to say, and when.',
    ja: '不正アクセス、データや認証情報の漏えい、マルウェアの疑いがある場合。社内限定：何をいつ公表するかは対応責任者が判断し、それまでステータスページには何も出しません。',
  },
  title: { en: 'Suspected security incident', ja: 'セキュリティインシデントの疑い' },
  summary: {
    en: 'Preserve evidence: do not restart, wipe or patch the systems involved until the response lead agrees. Share details only with the people responding.',
    ja: '証拠を保全してください。対応責任者の合意があるまで、関係するシステムを再起動・初期化・修正しないでください。詳細は対応メンバーの間だけで共有してください。',
  },
  severity: 'SEV1',
  impact: 'none',
  visibility: 'internal',
  components: [],
  labels: ['security'],
  updateBody: { en: '' },
  builtIn: true,
};

/** Data that is wrong, missing or duplicated: SEV2, internal until its extent is known. */
export const DATA_ISSUE_TEMPLATE: IncidentTemplate = {
  id: 'data-issue',
  name: { en: 'Data issue', ja: 'データ不整合' },
  description: {
    en: 'Records are wrong, missing or duplicated (bookings, memberships, charges). Internal until we know whose data is affected; raise it to SEV1 if customer data is lost or corrupted, or payments are charged wrongly.',
    ja: '予約・会員情報・請求などのデータが誤っている、欠けている、重複している場合。影響を受けたお客様が分かるまで社内限定です。顧客データの消失・破損や誤った金額での決済があればSEV1に引き上げます。',
  },
  title: { en: 'Incorrect data', ja: 'データの不整合' },
  summary: {
    en: 'Stop the writes that cause it before repairing anything, and keep the queries used to find the affected records: the postmortem will share them.',
    ja: '修復の前に、原因となっている書き込みを止めてください。影響を受けたレコードの特定に使ったクエリは残しておき、ポストモーテムで共有します。',
  },
  severity: 'SEV2',
  impact: 'minor',
  visibility: 'internal',
  components: [],
  labels: ['data'],
  updateBody: {
    en: 'Some information may be shown incorrectly. We are identifying the accounts affected and will contact those customers directly.',
    ja: '一部の情報が正しく表示されていない可能性があります。影響を受けたアカウントを特定しており、該当するお客様には個別にご連絡いたします。',
  },
  builtIn: true,
};

/** The templates the kit ships, in the order a chooser lists them. */
export const BUILT_IN_INCIDENT_TEMPLATES: readonly IncidentTemplate[] = [
  DEGRADED_PERFORMANCE_TEMPLATE,
  COMPONENT_OUTAGE_TEMPLATE,
  SECURITY_INCIDENT_TEMPLATE,
  DATA_ISSUE_TEMPLATE,
];

/** The built-in incident template with `id`, or null (an organisation's own live in its backend). */
export function findIncidentTemplate(id: Id): IncidentTemplate | null {
  return BUILT_IN_INCIDENT_TEMPLATES.find((template) => template.id === id) ?? null;
}

/** Why the incident template `id` may not be changed or deleted (null: it may). */
export function builtInIncidentTemplateProblem(id: Id): string | null {
  if (!findIncidentTemplate(id)) return null;
  return `Incident template "${id}" is built into the kit and cannot be changed or deleted. Copy it into a template of your own instead.`;
}
