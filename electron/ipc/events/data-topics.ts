import type { StorePart } from '../../shared/store/schema';
import type { DataTopic } from '../contract';

/**
 * Which of the window's topics show data from each collection of the store:
 * what to ask again for when it changes. An authorization names its local
 * access key and its bound groups; a key lists its grants (authorizations,
 * bindings, groups); a group counts its bindings.
 */
const SHOWN_IN: Record<StorePart, readonly DataTopic[]> = {
  accessKeys: ['accessKeys', 'authorizations'],
  apiGroups: ['apiGroups', 'authorizations', 'accessKeys'],
  authorizations: ['authorizations', 'accessKeys'],
  bindings: ['authorizations', 'apiGroups', 'accessKeys'],
  jdcloud: ['jdcloud'],
};

const ORDER: readonly DataTopic[] = ['accessKeys', 'apiGroups', 'authorizations', 'jdcloud'];

/** The topics to ask again for after these collections changed, each once, in a fixed order. */
export function topicsOf(collections: Iterable<StorePart>): DataTopic[] {
  const touched = new Set<DataTopic>();
  for (const collection of collections) for (const topic of SHOWN_IN[collection]) touched.add(topic);
  return ORDER.filter((topic) => touched.has(topic));
}
