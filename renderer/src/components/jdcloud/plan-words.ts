import type { DeploymentRef, PlanAction, PlanItem } from '../../../../electron/shared/jdcloud/types';

/** Each action as a heading, and as a count in a sentence. */
export const actionWords: Record<PlanAction, { heading: string; one: string; many: string }> = {
  createAuthorization: { heading: 'Create authorization', one: 'authorization to create', many: 'authorizations to create' },
  updateDescription: { heading: 'Update description', one: 'description to update', many: 'descriptions to update' },
  setBindings: { heading: 'Change bindings', one: 'binding change', many: 'binding changes' },
  deleteAuthorization: { heading: 'Delete authorization', one: 'authorization to delete', many: 'authorizations to delete' },
};

export const planActionOrder: PlanAction[] = ['createAuthorization', 'updateDescription', 'setBindings', 'deleteAuthorization'];

export const countWords = (action: PlanAction, count: number): string => `${count} ${count === 1 ? actionWords[action].one : actionWords[action].many}`;

/** "Orders (online)": a deployment as people know it. */
export const deploymentWords = (ref: DeploymentRef): string => `${ref.groupName} (${ref.environment})`;

/** The selected items' counts by action, in plan order, leaving out the empty ones: "2 authorizations to create, 1 binding change". */
export function countsSentence(items: PlanItem[]): string {
  return planActionOrder
    .map((action) => [action, items.filter((item) => item.action === action).length] as const)
    .filter(([, count]) => count > 0)
    .map(([action, count]) => countWords(action, count))
    .join(', ');
}
