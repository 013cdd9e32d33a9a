/**
 * Postmortems: the public summaries the status page shows. The template and the status rules are
 * core's (postmortem-rules.ts).
 */
import type { PostmortemSummary } from '@hansei/core';
import type { Sql } from '../db/database.js';

/** Summaries of published postmortems of public incidents (all of them, or one incident's), latest first. */
export async function publicPostmortemSummaries(sql: Sql, incidentId?: string): Promise<PostmortemSummary[]> {
  return sql.query<PostmortemSummary>(
    `select p.incident_id as "incidentId", p.doc->>'title' as title, p.doc->>'publicSummary' as "publicSummary", p.doc->>'publishedAt' as "publishedAt"
     from postmortems p join incidents i on i.id = p.incident_id
     where p.status = 'published' and i.visibility = 'public' and ($1::text is null or p.incident_id = $1)
     order by p.doc->>'publishedAt' desc, p.id desc`,
    [incidentId ?? null],
  );
}
