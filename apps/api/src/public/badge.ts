/**
 * A small SVG status badge in the shields.io style ("status | operational"), for READMEs, wikis
 * and dashboards: the page's status, or one component's with `?component=<id>`; `?label=` sets
 * the left text. Colours keep white text at a contrast of 4.5:1 or more. Text is escaped.
 */
import type { Context, Hono } from 'hono';
import * as v from 'valibot';
import { toStatuspageSummary, validate, type ComponentStatus, type PageIndicator } from '@hansei/core';
import { invalid, notFound, type HttpError } from '../http/errors.js';
import { problemResponse } from '../http/problem.js';
import { rendered } from './cache.js';
import type { PublicData } from './data.js';
import { CORS_HEADERS, preflight, requestOrigin, respond } from './respond.js';
import type { PublicSource } from './source.js';
import { escapeXml } from './xml.js';

export const BADGE_PATH = '/v1/badge.svg';
export const SVG_TYPE = 'image/svg+xml; charset=utf-8';

const GREEN = '#2e7d32';
const AMBER = '#a16207';
const ORANGE = '#c2410c';
const RED = '#b91c1c';
const BLUE = '#1d4ed8';

const BY_INDICATOR: Readonly<Record<PageIndicator, readonly [string, string]>> = {
  none: ['operational', GREEN],
  minor: ['degraded', AMBER],
  major: ['partial outage', ORANGE],
  critical: ['major outage', RED],
  maintenance: ['maintenance', BLUE],
};

const BY_STATUS: Readonly<Record<ComponentStatus, readonly [string, string]>> = {
  operational: ['operational', GREEN],
  degraded_performance: ['degraded performance', AMBER],
  partial_outage: ['partial outage', ORANGE],
  major_outage: ['major outage', RED],
  under_maintenance: ['under maintenance', BLUE],
};

/** Approximate advance of a character in 11 px Verdana, the badge font. */
function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x1100) return 11;
  if (/[ilj.,:;'!|() ]/.test(ch)) return 3.6;
  if (/[A-Z@%mwMW]/.test(ch)) return 8.4;
  return 6.6;
}

const textWidth = (text: string): number => Math.round([...text].reduce((sum, ch) => sum + charWidth(ch), 0));

/** The badge's SVG: `label` on grey, `message` on `color`. */
export function badgeSvg(label: string, message: string, color: string): string {
  const left = textWidth(label) + 12;
  const right = textWidth(message) + 12;
  const width = left + right;
  const title = escapeXml(`${label}: ${message}`);
  const l = escapeXml(label);
  const m = escapeXml(message);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}">` +
    `<title>${title}</title>` +
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>` +
    `<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>` +
    `<g clip-path="url(#r)"><rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${color}"/><rect width="${width}" height="20" fill="url(#s)"/></g>` +
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">` +
    `<text x="${left / 2}" y="15" fill="#010101" fill-opacity=".3" aria-hidden="true">${l}</text><text x="${left / 2}" y="14">${l}</text>` +
    `<text x="${left + right / 2}" y="15" fill="#010101" fill-opacity=".3" aria-hidden="true">${m}</text><text x="${left + right / 2}" y="14">${m}</text>` +
    `</g></svg>\n`
  );
}

/** Query of the badge: an optional `label` and `component` id. */
export const BadgeQuery = v.object({
  label: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'The label is empty.'), v.maxLength(40, 'The label is longer than 40 characters.'))),
  component: v.optional(v.pipe(v.string(), v.minLength(1, 'The component id is empty.'), v.maxLength(100, 'The component id is longer than 100 characters.'))),
});

export interface BadgeOptions {
  readonly label?: string | undefined;
  readonly component?: string | undefined;
}

/** The badge for the page (or one visible component); null when that component is not shown publicly. */
export function renderBadge(input: PublicData, options: BadgeOptions = {}): string | null {
  const summary = toStatuspageSummary(input.data);
  if (options.component === undefined) {
    const [message, color] = BY_INDICATOR[summary.status.indicator];
    return badgeSvg(options.label ?? 'status', message, color);
  }
  const component = summary.components.find((c) => c.id === options.component && !c.group);
  if (!component) return null;
  const [message, color] = BY_STATUS[component.status];
  return badgeSvg(options.label ?? component.name, message, color);
}

const problem = (error: HttpError) => problemResponse(error.problem, { ...CORS_HEADERS, ...error.headers });

async function variant(c: Context, source: PublicSource, options: BadgeOptions): Promise<Response> {
  const svg = renderBadge(await source.data(requestOrigin(c, source.trustProxy)), options);
  if (svg === null) return problem(notFound('component', options.component ?? ''));
  return respond(c, rendered(svg), SVG_TYPE);
}

/** Mounts the badge at {@link BADGE_PATH}. */
export function mountBadge(app: Hono, source: PublicSource): void {
  app.get(BADGE_PATH, (c) => {
    if (!c.req.url.includes('?')) return source.serve(c, BADGE_PATH, SVG_TYPE, (input) => renderBadge(input) as string);
    const result = validate(BadgeQuery, c.req.query());
    if (!result.ok) return problem(invalid(result.issues, 'query'));
    // Variants are rendered from the cached data each time rather than cached: labels are unbounded.
    return variant(c, source, result.value);
  });
  app.options(BADGE_PATH, preflight);
}
