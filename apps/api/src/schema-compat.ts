import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** A breaking change the team accepted on purpose, committed with its reason. */
export interface AllowedBreak {
  /** The change type, as graphql-inspector names it, such as `FIELD_REMOVED`. */
  type: string;
  /** The schema coordinate, such as `Story.headline` or `Query.stories.first`. */
  path: string;
  /** Why consumers can live with it; required, so the allowlist documents itself. */
  reason: string;
}

/** What changed between the released schema and the current one. */
export interface CompatReport {
  /** Breaking changes not in the allowlist: the check fails on any. */
  unapproved: Change[];
  /** Breaking changes the allowlist accepts. */
  approved: { change: Change; reason: string }[];
  dangerous: Change[];
  safe: Change[];
  /** Allowlist entries that match no change any more; worth pruning. */
  unused: AllowedBreak[];
}

/**
 * Classifies the changes from `releasedSdl` (what consumers rely on) to `currentSdl`.
 * Removed or retyped fields, new required arguments and the like are breaking.
 *
 * @throws Error when an allowlist entry has no reason.
 */
export async function compareSchemas(
  releasedSdl: string,
  currentSdl: string,
  allowlist: AllowedBreak[],
): Promise<CompatReport> {
  for (const entry of allowlist) {
    if (!entry.reason?.trim()) throw new Error(`allowlist entry ${entry.type} ${entry.path} needs a reason`);
  }
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  const report: CompatReport = { unapproved: [], approved: [], dangerous: [], safe: [], unused: [] };
  const used = new Set<AllowedBreak>();
  for (const change of changes) {
    const level = change.criticality.level;
    if (level === CriticalityLevel.Breaking) {
      const entry = allowlist.find((a) => a.type === change.type && a.path === change.path);
      if (entry) {
        used.add(entry);
        report.approved.push({ change, reason: entry.reason });
      } else {
        report.unapproved.push(change);
      }
    } else if (level === CriticalityLevel.Dangerous) {
      report.dangerous.push(change);
    } else {
      report.safe.push(change);
    }
  }
  report.unused = allowlist.filter((a) => !used.has(a));
  return report;
}
