
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    import {html} from 'lit';
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'status-page.api': `ステータス API`,
'status-page.back': `現在のステータス`,
'status-page.components': `コンポーネント`,
'status-page.feed': `インシデントの Atom フィード`,
'status-page.feed-title': str`${0} のインシデント`,
'status-page.history-description': str`${0} の ${1} のインシデント。`,
'status-page.history-link': `インシデント履歴`,
'status-page.home-description': str`${0} の現在のステータス、インシデント、予定されたメンテナンス。`,
'status-page.incident': `インシデント`,
'status-page.language': `言語`,
'status-page.maintenance': `予定されたメンテナンス`,
'status-page.maintenance-label': `メンテナンス`,
'status-page.not-found': `ページが見つかりません`,
'status-page.not-found-body': `このアドレスには何もありません。インシデントやメンテナンスが公開されていないか、リンクが間違っている可能性があります。`,
'status-page.powered-by': `Powered by Hansei`,
'status-page.skip': `本文へ移動`,
'status-page.time-zone': html`時刻は ${0} で表示しています。`,
'status-page.unavailable': `現在ステータスを読み込めません。このページは自動的に再試行します。しばらくしてから再読み込みすることもできます。`,
'status-page.uptime': str`過去 ${0} 日間の稼働率`,
'status-page.uptime-unavailable': `現在、稼働率を読み込めません。`,
    };
  