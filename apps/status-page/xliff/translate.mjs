// Adds the Japanese <target> of every status-page message to xliff/ja.xlf, after
// `lit-localize extract` (a message that already has a target keeps it). `pnpm localize` runs
// extract, this, and build. Every message needs its Japanese here: a missing one fails.
import { readFileSync, writeFileSync } from 'node:fs';

const JA = {
  'status-page.api': 'ステータス API',
  'status-page.back': '現在のステータス',
  'status-page.components': 'コンポーネント',
  'status-page.feed': 'インシデントの Atom フィード',
  'status-page.feed-title': '<x id="0" equiv-text="${name}"/> のインシデント',
  'status-page.history-description': '<x id="0" equiv-text="${name}"/> の <x id="1" equiv-text="${month}"/> のインシデント。',
  'status-page.history-link': 'インシデント履歴',
  'status-page.home-description': '<x id="0" equiv-text="${name}"/> の現在のステータス、インシデント、予定されたメンテナンス。',
  'status-page.incident': 'インシデント',
  'status-page.language': '言語',
  'status-page.maintenance': '予定されたメンテナンス',
  'status-page.maintenance-label': 'メンテナンス',
  'status-page.not-found': 'ページが見つかりません',
  'status-page.not-found-body': 'このアドレスには何もありません。インシデントやメンテナンスが公開されていないか、リンクが間違っている可能性があります。',
  'status-page.powered-by': 'Powered by Hansei',
  'status-page.skip': '本文へ移動',
  'status-page.time-zone': '時刻は <x id="0" equiv-text="${zone}"/> で表示しています。',
  'status-page.unavailable': '現在ステータスを読み込めません。このページは自動的に再試行します。しばらくしてから再読み込みすることもできます。',
  'status-page.uptime': '過去 <x id="0" equiv-text="${days}"/> 日間の稼働率',
  'status-page.uptime-unavailable': '現在、稼働率を読み込めません。',
};

const path = new URL('./ja.xlf', import.meta.url);
const missing = [];
const text = readFileSync(path, 'utf8').replace(/<trans-unit id="([^"]+)">[\s\S]*?<\/trans-unit>/g, (unit, id) => {
  if (unit.includes('<target>')) return unit;
  if (!(id in JA)) {
    missing.push(id);
    return unit;
  }
  return unit.replace('</source>', `</source>\n  <target>${JA[id]}</target>`);
});
writeFileSync(path, text);
if (missing.length) {
  console.error(`No Japanese for: ${missing.join(', ')} (add it to xliff/translate.mjs).`);
  process.exit(1);
}
