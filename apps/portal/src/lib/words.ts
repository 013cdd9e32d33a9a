/** The portal's words for the domain's enums (the elements word the ones they show themselves). */
import { msg } from '@lit/localize';
import type { ActionKind, ActionStatus, AlertState, ContributingFactorCategory, PostmortemStatus, TokenRole } from '@hansei/core';

export function actionKindWord(kind: ActionKind): string {
  switch (kind) {
    case 'mitigate':
      return msg('Mitigate (short-term)');
    case 'prevent':
      return msg('Prevent (root cause)');
    case 'detect':
      return msg('Detect sooner');
    case 'process':
      return msg('Process change');
    case 'remove':
      return msg('Stop doing something');
  }
}

export function actionStatusWord(status: ActionStatus): string {
  switch (status) {
    case 'todo':
      return msg('To do');
    case 'in_progress':
      return msg('In progress');
    case 'in_review':
      return msg('In review');
    case 'done':
      return msg('Done');
    case 'wont_do':
      return msg("Won't do");
  }
}

export function postmortemStatusWord(status: PostmortemStatus): string {
  switch (status) {
    case 'draft':
      return msg('Draft');
    case 'in_review':
      return msg('In review');
    case 'published':
      return msg('Published');
  }
}

export function categoryWord(category: ContributingFactorCategory): string {
  switch (category) {
    case 'product_quality':
      return msg('Product quality');
    case 'architecture_infrastructure':
      return msg('Architecture and infrastructure');
    case 'release_monitoring_operations':
      return msg('Release, monitoring and operations');
    case 'cross_team_coordination':
      return msg('Cross-team coordination');
    case 'skills':
      return msg('Skills');
    case 'culture':
      return msg('Culture');
  }
}

export function alertWord(alert: AlertState): string {
  switch (alert) {
    case 'page':
      return msg('Page');
    case 'ticket':
      return msg('Ticket');
    case 'ok':
      return msg('OK');
  }
}

export function roleWord(role: TokenRole): string {
  switch (role) {
    case 'viewer':
      return msg('Viewer');
    case 'responder':
      return msg('Responder');
    case 'admin':
      return msg('Admin');
  }
}
