/**
 * @hansei/elements: the Hansei custom elements. This entry point exports the classes and helpers
 * and registers nothing; register a tag by importing `@hansei/elements/define/<name>.js`.
 */
export { HanseiElement } from './internal/hansei-element.js';
export { getLocale, resolveLocale, setLocale } from './internal/localization.js';
export { HanseiStatusBadge } from './status-badge/status-badge.js';
export { HanseiProvider } from './provider/provider.js';
export { HanseiDataElement } from './internal/data-element.js';
export { adapterContext, settingsContext, type HanseiSettings } from './internal/context.js';
export { HanseiIncidentForm, type IncidentDeclaredDetail, type IncidentUpdatedDetail, type IncidentFormUpdateValue, type IncidentFormTemplate, type IncidentTemplate } from './incident-form/incident-form.js';
export { HanseiRoleBoard, type RoleChangeDetail, type RoleErrorDetail } from './role-board/role-board.js';
export { HanseiIncidentTimeline, type TimelineEventAddedDetail } from './incident-timeline/incident-timeline.js';
export { HanseiPreventionBoard, type ActionMovedDetail, type ActionUpdatedDetail, type ActionErrorDetail } from './prevention-board/prevention-board.js';
export { Announcer, type AnnounceDetail, type AnnouncerOptions, type Politeness } from './internal/announcer.js';
export { renderMarkdown, markdownStyles, type MarkdownSource } from './internal/markdown.js';
export { HanseiStatusElement } from './internal/status-element.js';
export type { StatusView, StatusTemplateContext } from './internal/status-view.js';
export { HanseiStatusSummary } from './status-summary/status-summary.js';
export { HanseiComponentList } from './component-list/component-list.js';
export { HanseiMaintenanceList } from './maintenance-list/maintenance-list.js';
export type { MaintenanceTemplateContext } from './maintenance-list/maintenance-list.template.js';
export { HanseiUptimeBars } from './uptime-bars/uptime-bars.js';
export { uptimeBarsTemplate, uptimeBarsModel, type UptimeBarsContext, type UptimeBarsModel } from './uptime-bars/uptime-bars.template.js';
export { HanseiIncidentFeed, type MonthChangeDetail } from './incident-feed/incident-feed.js';
export { incidentFeedTemplate, type IncidentFeedData, type IncidentFeedContext, type FeedMonth, type FeedView } from './incident-feed/incident-feed.template.js';
export { monthRange, monthOf, shiftMonth, monthLabel, isMonth } from './incident-feed/months.js';
export { HanseiSloGauge, type SloGaugeIncident } from './slo-gauge/slo-gauge.js';
export { sloGaugeTemplate, type SloGaugeView, type SloGaugeContext } from './slo-gauge/slo-gauge.template.js';
export { HanseiPostmortem, type PostmortemSavedDetail, type PostmortemStatusDetail, type PostmortemActionDetail, type PostmortemExportDetail } from './postmortem/postmortem.js';
