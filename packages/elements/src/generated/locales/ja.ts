
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's006ed5e24e35aaac': `軽微なサービス障害が発生しています`,
's208b7eb5e0575fce': `一部のシステムで障害が発生しています`,
's2405106fb9989468': `大規模なサービス障害が発生しています`,
's2a5cc00d13557451': `ステータスを取得できません`,
's3e99c75be57c93e1': `サービスはメンテナンス中です`,
'sdee56043ec112a16': `すべてのシステムが正常に稼働しています`,
'sfd901b201d938e67': `データソースがありません。この要素を &lt;hansei-provider&gt; の中に置くか、adapter プロパティを設定してください。`,
    };
  