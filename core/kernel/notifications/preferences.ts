import type { NotificationSettings } from "./settings.ts";
import { definitionOf, type ChannelChoice, type NotificationKind } from "./kinds.ts";

/**
 * Which channels carry this kind to this person: their own choice, else the tenant's default,
 * else the kind's. Kinds that are not optional (account mail) always use the kind's default.
 */
export function channelsFor(
  kind: NotificationKind,
  settings: NotificationSettings,
  own: ChannelChoice | undefined,
): ChannelChoice {
  const definition = definitionOf(kind);
  if (!definition.optional) return definition.defaults;
  return own ?? settings.defaults[kind] ?? definition.defaults;
}
