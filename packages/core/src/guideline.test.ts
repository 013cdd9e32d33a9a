import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_ROLE_KEYS, PAGE_POLICIES, REQUIREMENT_LEVELS } from './domain.js';
import type { RoleAssignment, SeverityGuideline, SeverityLevel } from './domain.js';
import {
  DEFAULT_ROLES,
  DEFAULT_SEVERITY_GUIDELINE,
  checkGuideline,
  compareSeverity,
  localize,
  missingRoles,
  requiredRoles,
  severityLevel,
} from './guideline.js';
import { toMs } from './time.js';

const G = DEFAULT_SEVERITY_GUIDELINE;

function assignment(role: string, releasedAt: string | null, id = role): RoleAssignment {
  return {
    id,
    incidentId: 'inc-1',
    role,
    personId: `p-${id}`,
    assignedAt: '2026-11-25T09:00:00Z',
    assignedBy: null,
    releasedAt,
    handedOffTo: null,
    note: null,
  };
}

/** A copy of the default guideline with `levels` replaced. */
function withLevels(levels: SeverityLevel[]): SeverityGuideline {
  return { ...G, levels };
}

const level = (i: number): SeverityLevel => G.levels[i] as SeverityLevel;

describe('DEFAULT_SEVERITY_GUIDELINE', () => {
  it('is SEV1..SEV4 with ascending ranks and passes its own check', () => {
    assert.deepEqual(
      G.levels.map((l) => [l.code, l.rank]),
      [['SEV1', 1], ['SEV2', 2], ['SEV3', 3], ['SEV4', 4]],
    );
    assert.deepEqual(checkGuideline(G), []);
    assert.ok(Number.isFinite(toMs(G.updatedAt)));
    assert.equal(G.whenUnsure.en, 'When unsure, pick the higher severity.');
  });

  it('has English and Japanese for every name, criterion and note', () => {
    for (const l of G.levels) {
      for (const text of [l.name, ...l.criteria, ...l.demands.notes]) {
        assert.ok(text.en.trim().length > 0, `${l.code}: empty English`);
        assert.match(text.ja ?? '', /[\u3040-\u30ff\u4e00-\u9fff]/, `${l.code}: "${text.en}" has no Japanese`);
      }
      assert.ok(l.criteria.length > 0);
      assert.ok(PAGE_POLICIES.includes(l.demands.page));
      assert.ok(REQUIREMENT_LEVELS.includes(l.demands.postmortem));
      assert.ok(REQUIREMENT_LEVELS.includes(l.demands.publicUpdate));
    }
  });

  it('makes SEV1 demand what Atlassian and PagerDuty ask of a critical incident', () => {
    const d = severityLevel(G, 'SEV1').demands;
    assert.equal(d.page, 'immediately');
    assert.equal(d.publicUpdate, 'required');
    assert.equal(d.postmortem, 'required');
    assert.equal(d.acknowledgeWithinMinutes, 5);
    assert.equal(d.updateEveryMinutes, 30);
    assert.equal(d.actionsDueWithinDays, 28);
    assert.deepEqual(d.requiredRoles, ['incident_commander', 'communications', 'scribe']);
    assert.ok(severityLevel(G, 'SEV1').criteria.some((c) => /data/i.test(c.en)));
  });

  it('pages at any hour and requires a postmortem for SEV2, not below', () => {
    const sev2 = severityLevel(G, 'SEV2').demands;
    assert.equal(sev2.page, 'immediately');
    assert.equal(sev2.postmortem, 'required');
    assert.equal(sev2.actionsDueWithinDays, 56);
    assert.deepEqual(sev2.requiredRoles, ['incident_commander']);
    const sev3 = severityLevel(G, 'SEV3').demands;
    assert.equal(sev3.page, 'working_hours');
    assert.equal(sev3.postmortem, 'recommended');
    assert.equal(severityLevel(G, 'SEV4').demands.postmortem, 'optional');
  });

  it('gets stricter (never looser) from SEV4 up to SEV1', () => {
    const order = (xs: readonly string[], x: string) => xs.indexOf(x);
    for (let i = 1; i < G.levels.length; i++) {
      const higher = level(i - 1).demands;
      const lower = level(i).demands;
      assert.ok(order(PAGE_POLICIES, higher.page) <= order(PAGE_POLICIES, lower.page));
      assert.ok(order(REQUIREMENT_LEVELS, higher.postmortem) <= order(REQUIREMENT_LEVELS, lower.postmortem));
      assert.ok(order(REQUIREMENT_LEVELS, higher.publicUpdate) <= order(REQUIREMENT_LEVELS, lower.publicUpdate));
      assert.ok(higher.requiredRoles.length >= lower.requiredRoles.length);
    }
  });
});

describe('DEFAULT_ROLES', () => {
  it('defines every default role key once, in order', () => {
    assert.deepEqual(
      DEFAULT_ROLES.map((r) => r.key),
      [...DEFAULT_ROLE_KEYS],
    );
  });
  it('gives command only to the Incident Commander and several holders only to SMEs', () => {
    assert.deepEqual(DEFAULT_ROLES.filter((r) => r.command).map((r) => r.key), ['incident_commander']);
    assert.deepEqual(DEFAULT_ROLES.filter((r) => r.multiple).map((r) => r.key), ['subject_matter_expert']);
  });
  it('names and explains each role in English and Japanese', () => {
    for (const role of DEFAULT_ROLES) {
      assert.ok(role.responsibilities.length >= 2, role.key);
      for (const text of [role.name, ...role.responsibilities]) {
        assert.ok(text.en.trim());
        assert.match(text.ja ?? '', /[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    }
    assert.equal(localize((DEFAULT_ROLES[0] as (typeof DEFAULT_ROLES)[number]).name, 'ja'), 'インシデントコマンダー');
  });
});

describe('localize', () => {
  const text = { en: 'Major', ja: '重大' };
  it('picks Japanese for any ja locale and English otherwise', () => {
    assert.equal(localize(text, 'ja'), '重大');
    assert.equal(localize(text, 'ja-JP'), '重大');
    assert.equal(localize(text, 'JA_jp'), '重大');
    assert.equal(localize(text, 'en'), 'Major');
    assert.equal(localize(text, 'fr-FR'), 'Major');
    assert.equal(localize(text, ''), 'Major');
  });
  it('falls back to English when Japanese is missing or blank, or the language only starts with "ja"', () => {
    assert.equal(localize({ en: 'Minor' }, 'ja'), 'Minor');
    assert.equal(localize({ en: 'Minor', ja: '  ' }, 'ja-JP'), 'Minor');
    assert.equal(localize(text, 'jam'), 'Major'); // Jamaican Creole, not Japanese
  });
});

describe('severityLevel / compareSeverity', () => {
  it('finds a level by its exact code', () => {
    assert.equal(severityLevel(G, 'SEV3').rank, 3);
  });
  it('throws a RangeError naming the unknown code and the known ones', () => {
    for (const bad of ['SEV9', 'sev1', '']) {
      assert.throws(
        () => severityLevel(G, bad),
        (e: unknown) => e instanceof RangeError && e.message.includes(`"${bad}"`) && e.message.includes('SEV1, SEV2, SEV3, SEV4'),
      );
    }
    assert.throws(() => severityLevel(withLevels([]), 'SEV1'), /expected one of none/);
  });
  it('sorts the most severe first', () => {
    const codes = ['SEV3', 'SEV1', 'SEV4', 'SEV2', 'SEV1'];
    assert.deepEqual(
      [...codes].sort((a, b) => compareSeverity(G, a, b)),
      ['SEV1', 'SEV1', 'SEV2', 'SEV3', 'SEV4'],
    );
    assert.ok(compareSeverity(G, 'SEV1', 'SEV2') < 0);
    assert.ok(compareSeverity(G, 'SEV4', 'SEV2') > 0);
    assert.equal(compareSeverity(G, 'SEV2', 'SEV2'), 0);
    assert.throws(() => compareSeverity(G, 'SEV1', 'P1'), /"P1"/);
  });
});

describe('requiredRoles / missingRoles', () => {
  it('lists the roles a level demands', () => {
    assert.deepEqual(requiredRoles(G, 'SEV2'), ['incident_commander']);
    assert.deepEqual(requiredRoles(G, 'SEV4'), []);
    assert.throws(() => requiredRoles(G, 'SEV0'), RangeError);
  });
  it('reports every required role when nobody is assigned', () => {
    assert.deepEqual(missingRoles(G, 'SEV1', []), ['incident_commander', 'communications', 'scribe']);
  });
  it('counts only active assignments: a released one leaves the role missing', () => {
    const assignments = [
      assignment('incident_commander', '2026-11-25T09:30:00Z', 'ic-old'),
      assignment('incident_commander', null, 'ic-new'),
      assignment('scribe', '2026-11-25T10:00:00Z'),
      assignment('subject_matter_expert', null),
    ];
    assert.deepEqual(missingRoles(G, 'SEV1', assignments), ['communications', 'scribe']);
    assert.deepEqual(missingRoles(G, 'SEV2', assignments), []);
    assert.deepEqual(missingRoles(G, 'SEV2', [assignment('incident_commander', '2026-11-25T09:30:00Z')]), [
      'incident_commander',
    ]);
  });
});

describe('checkGuideline', () => {
  const paths = (g: SeverityGuideline, roles?: Parameters<typeof checkGuideline>[1]) =>
    checkGuideline(g, roles).map((p) => p.path);

  it('flags an empty scale and blank advice', () => {
    const problems = checkGuideline({ ...G, levels: [], whenUnsure: { en: ' ' } });
    assert.deepEqual(problems.map((p) => p.path), ['levels', 'whenUnsure.en']);
    assert.match(problems[0]?.message ?? '', /at least one severity level/);
  });

  it('flags blank and duplicate codes, case-insensitively', () => {
    const problems = checkGuideline(
      withLevels([level(0), { ...level(1), code: 'sev1' }, { ...level(2), code: '  ' }, level(3)]),
    );
    assert.deepEqual(problems.map((p) => p.path), ['levels.1.code', 'levels.2.code']);
    assert.match(problems[0]?.message ?? '', /"sev1" is used twice/);
    assert.match(problems[1]?.message ?? '', /Level 3 needs a code/);
  });

  it('flags duplicate, non-ascending and invalid ranks', () => {
    const problems = checkGuideline(
      withLevels([level(0), { ...level(1), rank: 1 }, { ...level(2), rank: 4 }, { ...level(3), rank: 3 }]),
    );
    assert.deepEqual(problems.map((p) => p.path), ['levels.1.rank', 'levels.3.rank']);
    assert.match(problems[0]?.message ?? '', /Rank 1 is used by both SEV1 and SEV2/);
    assert.match(problems[1]?.message ?? '', /ascending rank: SEV4 \(rank 3\) comes after rank 4/);
    for (const rank of [0, -1, 1.5, Number.NaN]) {
      const [problem] = checkGuideline(withLevels([{ ...level(0), rank }]));
      assert.equal(problem?.path, 'levels.0.rank');
      assert.match(problem?.message ?? '', new RegExp(`whole number of 1 or more, not ${rank}`));
    }
  });

  it('flags blank names, missing criteria and blank criteria', () => {
    assert.deepEqual(
      paths(withLevels([{ ...level(0), name: { en: '' }, criteria: [] }])),
      ['levels.0.name.en', 'levels.0.criteria'],
    );
    const problems = checkGuideline(withLevels([{ ...level(0), criteria: [{ en: 'ok' }, { en: ' ', ja: '空' }] }]));
    assert.deepEqual(problems, [{ path: 'levels.0.criteria.1.en', message: 'Criterion 2 of SEV1 is empty.' }]);
  });

  it('flags required roles that the role list does not define', () => {
    const custom = withLevels([
      { ...level(0), demands: { ...level(0).demands, requiredRoles: ['incident_commander', 'pilot'] } },
    ]);
    const [problem, ...rest] = checkGuideline(custom);
    assert.equal(rest.length, 0);
    assert.equal(problem?.path, 'levels.0.demands.requiredRoles.1');
    assert.match(problem?.message ?? '', /"pilot", which is not defined; known roles: incident_commander, deputy/);
    // Against an organisation's own role list.
    assert.deepEqual(paths(G, [{ ...(DEFAULT_ROLES[0] as (typeof DEFAULT_ROLES)[number]) }]), [
      'levels.0.demands.requiredRoles.1',
      'levels.0.demands.requiredRoles.2',
    ]);
    assert.match(checkGuideline(G, [])[0]?.message ?? '', /known roles: none/);
  });
});
