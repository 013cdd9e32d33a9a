import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WHYS_MAX, addWhy, moveWhy, nextWhyQuestion, reviewWhys } from './five-whys.js';

const step = (question: string, answer: string) => ({ question, answer });

describe('five whys', () => {
  it('asks the next why from the last answer, in English and Japanese', () => {
    assert.equal(nextWhyQuestion('', 'en'), 'Why did this happen?');
    assert.equal(nextWhyQuestion('  ', 'ja'), 'なぜそれが起きたのか？');
    assert.equal(nextWhyQuestion('The certificate expired.', 'en'), 'Why: the certificate expired?');
    assert.equal(nextWhyQuestion('Because nobody owned the checklist', 'en'), 'Why: nobody owned the checklist?');
    assert.equal(nextWhyQuestion('TLS renewal was manual.', 'en'), 'Why: TLS renewal was manual?');
    assert.equal(nextWhyQuestion('A column was renamed.', 'en'), 'Why: a column was renamed?');
    assert.equal(nextWhyQuestion('I was paged late.', 'en'), 'Why: I was paged late?');
    assert.equal(nextWhyQuestion('証明書の有効期限が切れていたため。', 'ja'), 'なぜ「証明書の有効期限が切れていた」のか？');
    assert.equal(nextWhyQuestion('更新が手作業だった', 'ja'), 'なぜ「更新が手作業だった」のか？');
  });

  it('adds, and moves steps, without changing the list it was given', () => {
    const first = addWhy([], 'en');
    assert.deepEqual(first, [step('Why did this happen?', '')]);
    const chain = [step('Why did check-in fail?', 'The controllers could not connect.')];
    const longer = addWhy(chain, 'en');
    assert.deepEqual(longer[1], step('Why: the controllers could not connect?', ''));
    assert.equal(chain.length, 1);
    const full = Array.from({ length: WHYS_MAX }, (_, i) => step(`q${i}`, `a${i}`));
    assert.equal(addWhy(full, 'en').length, WHYS_MAX, 'never past the limit');
    const three = [step('1', 'a'), step('2', 'b'), step('3', 'c')];
    assert.deepEqual(moveWhy(three, 2, -1).map((s) => s.question), ['1', '3', '2']);
    assert.deepEqual(moveWhy(three, 0, -1).map((s) => s.question), ['1', '2', '3'], 'clamped');
    assert.deepEqual(moveWhy(three, 0, 5).map((s) => s.question), ['2', '3', '1']);
    assert.deepEqual(moveWhy(three, 7, 1).map((s) => s.question), ['1', '2', '3'], 'no such step');
  });

  it('reviews depth: empty, shallow, complete, deep', () => {
    assert.deepEqual(reviewWhys([]), { answered: 0, empty: true, shallow: false, deep: false, endsAtPerson: false, blamingSteps: [], complete: false });
    const two = [step('Why?', 'The gateway rejected controllers.'), step('Why?', 'Its certificate expired.')];
    assert.equal(reviewWhys(two).shallow, true);
    assert.equal(reviewWhys(two).complete, false);
    const four = [...two, step('Why?', 'Renewal was a manual quarterly task.'), step('Why?', 'The checklist had no owner after a reorganisation.')];
    assert.deepEqual([reviewWhys(four).answered, reviewWhys(four).shallow, reviewWhys(four).complete], [4, false, true]);
    const unanswered = [...two, step('Why?', ''), step('Why?', 'Later answer')];
    assert.equal(reviewWhys(unanswered).answered, 2, 'counts until the first gap');
    const six = [...four, step('Why?', 'a'), step('Why?', 'b')];
    assert.equal(reviewWhys(six).deep, true);
  });

  it('says when the chain stops at a person', () => {
    const chain = [
      step('Why?', 'The certificate expired.'),
      step('Why?', 'It was renewed by hand every quarter.'),
      step('Why?', 'The engineer forgot to renew it.'),
    ];
    const review = reviewWhys(chain);
    assert.deepEqual([review.endsAtPerson, review.complete, review.blamingSteps], [true, false, [2]]);
    const deeper = [...chain, step('Why?', 'Nothing reminded anyone: the checklist had no owner.')];
    assert.deepEqual([reviewWhys(deeper).endsAtPerson, reviewWhys(deeper).complete, reviewWhys(deeper).blamingSteps], [false, true, [2]]);
    assert.equal(reviewWhys([step('Why?', 'Yui forgot.')], { names: ['Yui Tanaka'] }).endsAtPerson, true);
  });
});
