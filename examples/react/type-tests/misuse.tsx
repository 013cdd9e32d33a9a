/**
 * Compile-time tests of @hansei/elements/react (never bundled): every line marked
 * `@ts-expect-error` must be an error, so the declarations cannot quietly become `any`.
 * `pnpm typecheck` fails if one of them compiles.
 */
/* eslint-disable @typescript-eslint/no-unsafe-return -- the misuses below are wrong on purpose */
import type { RoleChangeDetail } from '@hansei/elements';

export const fine = (
  <>
    <hansei-slo-gauge slo-id="slo_checkin" size="compact" sloId="slo_checkin" />
    <hansei-incident-feed heading-level={3} page-size="20" show="history" />
    <hansei-role-board incidentId="inc_1" readonly onhansei-role-change={(e: CustomEvent<RoleChangeDetail>) => e.detail.kind} />
    <hansei-provider lang="ja" time-zone="Asia/Tokyo" className="any" aria-label="Reliability" />
  </>
);

// @ts-expect-error an unknown tag
export const unknownTag = <hansei-nope />;
// @ts-expect-error a value the property does not take
export const badValue = <hansei-slo-gauge size="huge" />;
// @ts-expect-error a property of the wrong type
export const badType = <hansei-slo-gauge sloId={42} />;
// (An unknown attribute with a dash, `slo-name="x"`, is not an error: TypeScript lets JSX through
// any hyphenated name it does not know. Known ones, like `size`, are checked.)
// @ts-expect-error the event's detail has no such field
export const badDetail = <hansei-role-board onhansei-role-change={(e) => e.detail.nope} />;
// @ts-expect-error a read-only property cannot be set
export const readOnly = <hansei-role-board settings={undefined} />;
