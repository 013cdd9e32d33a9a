import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { blameKinds, findBlame, type BlameKind } from './blame.js';

const NAMES = ['Yui Tanaka', '佐藤 健二', '林 拓海', '@kenji.sato', ' '];
const kinds = (text: string): BlameKind[] => blameKinds(text, { names: NAMES });
const found = (text: string): string[] => findBlame(text, { names: NAMES }).map((f) => f.text);

describe('blame language', () => {
  it('finds a person as the cause, by pronoun, job or name', () => {
    assert.deepEqual(found('The on-call engineer forgot to renew the certificate.'), ['The on-call engineer forgot']);
    assert.deepEqual(kinds('Yui simply forgot to renew it.'), ['person']);
    assert.deepEqual(kinds('Tanaka failed to check the dashboard.'), ['person']);
    assert.deepEqual(kinds('She broke the build.'), ['person']);
    assert.deepEqual(kinds('Someone ran the wrong migration.'), ['person']);
    assert.deepEqual(kinds("The new developer didn't test the change."), ['person']);
    assert.deepEqual(kinds('We messed up the rollout.'), ['person']);
    assert.deepEqual(kinds('The payments team neglected the alert.'), ['person']);
    assert.deepEqual(kinds("It was Yui's mistake."), ['person']);
    assert.deepEqual(kinds('This was his fault.'), ['person']);
    assert.deepEqual(kinds('The fault of the reviewer, really.'), ['person']);
    assert.deepEqual(kinds('They blamed Tanaka.'), ['person']);
    assert.deepEqual(kinds('kenji.sato overlooked the warning.'), ['person']);
  });

  it('finds the human-error label, verdicts, "be careful" and hindsight', () => {
    assert.deepEqual(kinds('Root cause: human error.'), ['human_error']);
    assert.deepEqual(kinds('An operator error during a fat-fingered deploy.'), ['human_error']);
    assert.deepEqual(kinds('A careless config change.'), ['judgement']);
    assert.deepEqual(kinds('Sheer negligence.'), ['judgement']);
    assert.deepEqual(kinds('Action: everyone should be more careful with migrations.'), ['be_careful']);
    assert.deepEqual(kinds('Remind engineers to double-check the region.'), ['be_careful']);
    assert.deepEqual(kinds('Pay closer attention to alerts.'), ['be_careful']);
    assert.deepEqual(kinds('Anyone should have known that.'), ['hindsight']);
  });

  it('finds Japanese blame phrases', () => {
    assert.deepEqual(kinds('担当者が証明書の更新を忘れていた。'), ['person']);
    assert.deepEqual(kinds('田中さんが確認を怠ったため。'), ['person']);
    assert.deepEqual(kinds('佐藤が手順を守らなかった。'), ['person']);
    assert.deepEqual(kinds('これは担当者の責任です。'), ['person']);
    assert.deepEqual(kinds('原因はヒューマンエラー。'), ['human_error']);
    assert.deepEqual(kinds('操作ミスにより停止した。'), ['human_error']);
    assert.deepEqual(kinds('作業者の不注意'), ['person']);
    assert.deepEqual(kinds('確認不足が原因。'), ['judgement']);
    assert.deepEqual(kinds('今後は注意を徹底する。'), ['be_careful']);
    assert.deepEqual(kinds('リリース時は気をつける。'), ['be_careful']);
    assert.deepEqual(kinds('事前に確認すべきだった。'), ['hindsight']);
  });

  it('does not fire on systems, teams owning their work, or technical words', () => {
    for (const text of [
      'The cache forgot stale keys after the restart.',
      'The deploy failed to roll back because the health check timed out.',
      'We failed to detect the expiry: nothing monitored it.',
      'They did not get paged: the alert routed to an old channel.',
      'The reviewer approved a change that looked safe in the diff.',
      'Lazy loading of the calendar delayed the first paint.',
      'A mistake in the config template set the wrong region.',
      'The error budget was 40% consumed.',
      'Errors rose after the wrong certificate was served by the gateway.',
      'He responded within four minutes and handed off command at 10:20.',
      'お客さんが確認を忘れずにできるよう、通知を追加する。',
      '設定ファイルのテンプレートに誤りがあった。',
      '証明書の更新を自動化し、期限の21日前に通知する。',
      'ゲートウェイのTLS証明書の有効期限が切れていたため。',
      '',
      '   ',
    ]) {
      assert.deepEqual(findBlame(text, { names: NAMES }), [], text);
    }
  });

  it('reports where, once per place, in order', () => {
    const text = 'Yui forgot. Careless, really: human error. 担当者がうっかり忘れた。';
    const findings = findBlame(text, { names: NAMES });
    assert.deepEqual(
      findings.map((f) => [f.kind, f.text]),
      [
        ['person', 'Yui forgot'],
        ['judgement', 'Careless'],
        ['human_error', 'human error'],
        ['person', '担当者がうっかり'],
      ],
    );
    for (const f of findings) assert.equal(text.slice(f.start, f.end), f.text);
  });

  it('needs names to recognise people without a job or pronoun, and works without any', () => {
    assert.deepEqual(findBlame('Priya forgot the flag.'), []);
    assert.deepEqual(blameKinds('Priya forgot the flag.', { names: ['Priya Raman'] }), ['person']);
    assert.deepEqual(blameKinds('He forgot the flag.'), ['person']);
    // The same names again use the cached rules; many different lists do not grow without bound.
    for (let i = 0; i < 30; i++) findBlame('x', { names: [`Person${i}`] });
    assert.deepEqual(blameKinds('Person29 forgot.', { names: ['Person29'] }), ['person']);
  });
});
