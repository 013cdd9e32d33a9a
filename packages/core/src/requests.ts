/**
 * What a client sends: the input side of each write schema (fields with a default may be left
 * out), as adapters take it. The `...Input` types of schemas.ts are the output side, what a
 * backend gets after validation and defaults.
 */
import type * as v from 'valibot';
import type {
  ActionCreateSchema,
  ActionMoveSchema,
  ActionPatchSchema,
  ComponentCreateSchema,
  ComponentGroupCreateSchema,
  ComponentGroupPatchSchema,
  ComponentPatchSchema,
  IncidentCreateSchema,
  IncidentPatchSchema,
  IncidentTemplateCreateSchema,
  IncidentTemplatePatchSchema,
  IncidentUpdatePostSchema,
  MaintenanceCreateSchema,
  MaintenancePatchSchema,
  MaintenanceUpdatePostSchema,
  PageInfoReplaceSchema,
  PersonCreateSchema,
  PersonPatchSchema,
  PostmortemCreateSchema,
  PostmortemPatchSchema,
  PostmortemTemplateCreateSchema,
  PostmortemTemplatePatchSchema,
  RelatedIncidentLinkSchema,
  RoleAssignSchema,
  RoleHandOffSchema,
  RoleReleaseSchema,
  SeverityGuidelineReplaceSchema,
  SloCreateSchema,
  SloPatchSchema,
  TimelineEventCreateSchema,
  TokenCreateSchema
} from './schemas.js';

export type ComponentCreateRequest = v.InferInput<typeof ComponentCreateSchema>;
export type ComponentPatchRequest = v.InferInput<typeof ComponentPatchSchema>;
export type ComponentGroupCreateRequest = v.InferInput<typeof ComponentGroupCreateSchema>;
export type ComponentGroupPatchRequest = v.InferInput<typeof ComponentGroupPatchSchema>;
export type IncidentCreateRequest = v.InferInput<typeof IncidentCreateSchema>;
export type IncidentPatchRequest = v.InferInput<typeof IncidentPatchSchema>;
export type IncidentUpdatePostRequest = v.InferInput<typeof IncidentUpdatePostSchema>;
export type IncidentTemplateCreateRequest = v.InferInput<typeof IncidentTemplateCreateSchema>;
export type IncidentTemplatePatchRequest = v.InferInput<typeof IncidentTemplatePatchSchema>;
export type TimelineEventCreateRequest = v.InferInput<typeof TimelineEventCreateSchema>;
export type RoleAssignRequest = v.InferInput<typeof RoleAssignSchema>;
export type RoleHandOffRequest = v.InferInput<typeof RoleHandOffSchema>;
export type RoleReleaseRequest = v.InferInput<typeof RoleReleaseSchema>;
export type RelatedIncidentLinkRequest = v.InferInput<typeof RelatedIncidentLinkSchema>;
export type MaintenanceCreateRequest = v.InferInput<typeof MaintenanceCreateSchema>;
export type MaintenancePatchRequest = v.InferInput<typeof MaintenancePatchSchema>;
export type MaintenanceUpdatePostRequest = v.InferInput<typeof MaintenanceUpdatePostSchema>;
export type PostmortemCreateRequest = v.InferInput<typeof PostmortemCreateSchema>;
export type PostmortemPatchRequest = v.InferInput<typeof PostmortemPatchSchema>;
export type PostmortemTemplateCreateRequest = v.InferInput<typeof PostmortemTemplateCreateSchema>;
export type PostmortemTemplatePatchRequest = v.InferInput<typeof PostmortemTemplatePatchSchema>;
export type ActionCreateRequest = v.InferInput<typeof ActionCreateSchema>;
export type ActionPatchRequest = v.InferInput<typeof ActionPatchSchema>;
export type ActionMoveRequest = v.InferInput<typeof ActionMoveSchema>;
export type SloCreateRequest = v.InferInput<typeof SloCreateSchema>;
export type SloPatchRequest = v.InferInput<typeof SloPatchSchema>;
export type PersonCreateRequest = v.InferInput<typeof PersonCreateSchema>;
export type PersonPatchRequest = v.InferInput<typeof PersonPatchSchema>;
export type SeverityGuidelineReplaceRequest = v.InferInput<typeof SeverityGuidelineReplaceSchema>;
export type TokenCreateRequest = v.InferInput<typeof TokenCreateSchema>;
export type PageInfoReplaceRequest = v.InferInput<typeof PageInfoReplaceSchema>;
