/** The `detail` of the postmortem element's events. */
import type { Postmortem, PostmortemStatus, PreventionAction, Stored } from '@hansei/core';

/** `detail` of `hansei-postmortem-saved` and `hansei-postmortem-started`. */
export interface PostmortemSavedDetail {
  readonly postmortem: Stored<Postmortem>;
}
/** `detail` of `hansei-postmortem-status-changed`. */
export interface PostmortemStatusDetail extends PostmortemSavedDetail {
  readonly from: PostmortemStatus;
}
/** `detail` of `hansei-action-created`. */
export interface PostmortemActionDetail {
  readonly action: Stored<PreventionAction>;
}
/** `detail` of `hansei-postmortem-exported`. */
export interface PostmortemExportDetail {
  readonly markdown: string;
  readonly method: 'download' | 'copy';
}
