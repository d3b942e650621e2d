import type { StoreData } from '../../../shared/store/schema';
import { byKeys, byText } from './order';

/** An authorization as a gateway that takes a plain API key sees it: who, which key, which groups. */
export interface ApiKeyConsumer {
  /** The authorization's description, or its caller key when it has none; unique among the consumers. */
  name: string;
  /** The identifier the authorization was made with (Access Key ID or APIKey). */
  callerKey: string;
  description: string;
  apiKey: string;
  /** `<group name>:<environment>` of each bound API group, sorted. */
  groups: string[];
}

export interface ApiKeyConsumers {
  consumers: ApiKeyConsumer[];
  /** Authorized by Access Key ID alone, of a key not in this data folder: its APIKey is unknown here. */
  skipped: Array<{ callerKey: string; description: string }>;
}

/**
 * The authorizations of a data folder with the APIKey each caller sends, in
 * callerKey order. Only the APIKey travels: the APISecret and the JD signature
 * have no place in a plain key-auth gateway.
 */
export function apiKeyConsumersOf(data: Readonly<StoreData>): ApiKeyConsumers {
  const keysById = new Map(data.accessKeys.map((key) => [key.id, key.apiKey]));
  const groupsById = new Map(data.apiGroups.map((group) => [group.id, group]));
  const consumers: ApiKeyConsumer[] = [];
  const skipped: ApiKeyConsumers['skipped'] = [];
  const names = new Set<string>();
  for (const authorization of [...data.authorizations].sort(byKeys((a) => a.callerKey))) {
    const apiKey = authorization.callerKeyKind === 'apiKey' ? authorization.callerKey : keysById.get(authorization.callerKey);
    if (!apiKey) {
      skipped.push({ callerKey: authorization.callerKey, description: authorization.description });
      continue;
    }
    const groups = data.bindings.flatMap((binding) => {
      const group = binding.authorizationId === authorization.id ? groupsById.get(binding.groupId) : undefined;
      return group ? [`${group.name}:${group.environment}`] : [];
    });
    // Consumers are named by what people wrote; two equal descriptions get their caller key to tell them apart.
    let name = authorization.description || authorization.callerKey;
    if (names.has(name.toLowerCase())) name = `${name} (${authorization.callerKey})`;
    names.add(name.toLowerCase());
    consumers.push({ name, callerKey: authorization.callerKey, description: authorization.description, apiKey, groups: [...new Set(groups)].sort(byText) });
  }
  return { consumers, skipped };
}
