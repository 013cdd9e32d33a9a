/**
 * The schema, as numbered migrations applied in order on start (see migrate.ts). Never edit a
 * migration that has shipped: add the next one.
 *
 * Shape: every resource table has `id`, `version` (its ETag), the columns lists filter and sort
 * on, and `doc`, the whole domain object as jsonb. Instants are ISO 8601 UTC text (they sort as
 * text), so PGlite and PostgreSQL return identical rows.
 */

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const resource = (table: string, columns = '') => `
create table ${table} (
  id text primary key,
  version integer not null default 1,
  created_at text not null,
  updated_at text not null,${columns}
  doc jsonb not null
);`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
create table settings (
  key text primary key,
  version integer not null default 1,
  updated_at text not null,
  doc jsonb not null
);
${resource('people')}
${resource('component_groups', '\n  position integer not null,')}
${resource('components', '\n  group_id text references component_groups(id) on delete set null,\n  position integer not null,')}
create table component_status_changes (
  seq bigserial primary key,
  component_id text not null references components(id) on delete cascade,
  at text not null,
  status text not null,
  incident_id text,
  maintenance_id text
);
create index component_status_changes_by_component on component_status_changes (component_id, at);
${resource('incidents', '\n  started_at text not null,\n  status text not null,\n  severity text not null,\n  visibility text not null,')}
create index incidents_by_start on incidents (started_at desc, id desc);
create table incident_updates (
  id text primary key,
  seq bigserial not null,
  incident_id text not null references incidents(id) on delete cascade,
  visibility text not null,
  display_at text not null,
  doc jsonb not null
);
create index incident_updates_by_incident on incident_updates (incident_id, display_at);
create table timeline_events (
  id text primary key,
  seq bigserial not null,
  incident_id text not null references incidents(id) on delete cascade,
  at text not null,
  doc jsonb not null
);
create index timeline_events_by_incident on timeline_events (incident_id, at);
create table role_assignments (
  id text primary key,
  seq bigserial not null,
  incident_id text not null references incidents(id) on delete cascade,
  role text not null,
  person_id text not null,
  assigned_at text not null,
  released_at text,
  doc jsonb not null
);
create index role_assignments_by_incident on role_assignments (incident_id, assigned_at);
${resource('maintenances', '\n  scheduled_for text not null,\n  status text not null,')}
create index maintenances_by_schedule on maintenances (scheduled_for desc, id desc);
${resource('postmortems', '\n  incident_id text not null unique references incidents(id) on delete cascade,\n  status text not null,')}
${resource('prevention_actions', '\n  status text not null,\n  rank text not null,\n  due_date text,\n  owner_id text,')}
create index prevention_actions_by_column on prevention_actions (status, rank);
create table action_incidents (
  action_id text not null references prevention_actions(id) on delete cascade,
  incident_id text not null references incidents(id) on delete cascade,
  primary key (action_id, incident_id)
);
create index action_incidents_by_incident on action_incidents (incident_id);
${resource('slos')}
create table sli_samples (
  slo_id text not null references slos(id) on delete cascade,
  at bigint not null,
  good double precision not null,
  total double precision not null,
  primary key (slo_id, at)
);
create table tokens (
  id text primary key,
  name text not null,
  role text not null,
  hash text not null unique,
  created_at text not null,
  last_used_at text,
  revoked_at text
);
create table idempotency_keys (
  scope text not null,
  key text not null,
  method text not null,
  path text not null,
  request_hash text not null,
  status integer,
  headers jsonb,
  body text,
  created_at text not null,
  primary key (scope, key)
);
create table events (
  id bigserial primary key,
  audience text not null,
  type text not null,
  at text not null,
  data jsonb not null
);
`,
  },
  {
    version: 2,
    name: 'postmortem templates',
    // An organisation's own templates; the built-in ones live in @hansei/core. `position` keeps
    // them in the order they were made.
    sql: `
create table postmortem_templates (
  id text primary key,
  version integer not null default 1,
  position bigserial not null,
  created_at text not null,
  updated_at text not null,
  doc jsonb not null
);
`,
  },
  {
    version: 3,
    name: 'incident templates',
    // An organisation's own incident templates, shaped like its postmortem templates; the
    // built-in ones live in @hansei/core.
    sql: `
create table incident_templates (
  id text primary key,
  version integer not null default 1,
  position bigserial not null,
  created_at text not null,
  updated_at text not null,
  doc jsonb not null
);
`,
  },
  {
    version: 4,
    name: 'postmortem search text',
    // The text the library's q searches, folded (NFKC, lower case) on every write by core's
    // postmortemFoldedText, so a search is a LIKE over it: folding every row at each search
    // (normalize() over the documents) was 30 times slower. Rows written before are folded here.
    sql: `
alter table postmortems add column search_text text not null default '';
update postmortems set search_text = lower(normalize(concat_ws(E'\\n', doc->>'title', coalesce(doc->>'publicSummary', ''),
  (select string_agg(concat_ws(E'\\n', s->>'title', s->>'body'), E'\\n') from jsonb_array_elements(doc->'sections') s),
  (select string_agg(f->>'description', E'\\n') from jsonb_array_elements(doc->'contributingFactors') f),
  (select string_agg(concat_ws(E'\\n', w->>'question', w->>'answer'), E'\\n') from jsonb_array_elements(doc->'fiveWhys') w),
  (select string_agg(l, E'\\n') from jsonb_array_elements_text(doc->'labels') l)), NFKC));
`,
  },
];
