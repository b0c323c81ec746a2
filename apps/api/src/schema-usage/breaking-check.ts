import { type AllowedBreak, compareSchemas } from '../schema-compat.js';
import { checkConsumers, describeFinding } from './consumer-check.js';
import { collectConsumerOperations } from './consumer-operations.js';

/** What `check-breaking` prints, and whether it fails. */
export interface BreakingCheckResult {
  failed: boolean;
  /** Lines for standard output: the summary, dangerous and allowed changes. */
  log: string[];
  /** Lines for standard error: why the check fails, or warnings. */
  errors: string[];
}

const line = (c: { type: string; path?: string; message: string }) => `  ${c.type} ${c.path ?? ''}: ${c.message}`;

/**
 * The breaking-change check, aware of who uses what: classifies the changes from `releasedSdl`
 * to `currentSdl`, then judges each breaking one by the operations of the workspace's consumer
 * projects. It fails on a breaking change some consumer uses (unless the allowlist accepts it),
 * on a consumer operation that does not validate against the current schema, and on a consumer
 * document it cannot read; a breaking change no consumer uses is reported and allowed.
 */
export async function breakingCheck(
  releasedSdl: string,
  currentSdl: string,
  allowlist: AllowedBreak[],
  workspaceRoot: string,
): Promise<BreakingCheckResult> {
  const report = await compareSchemas(releasedSdl, currentSdl, allowlist);
  const found = collectConsumerOperations(workspaceRoot);
  const consumers = checkConsumers(report, releasedSdl, currentSdl, found);
  const log = [
    `schema changes since the released schema: ${report.safe.length} safe, ${report.dangerous.length} dangerous, ` +
      `${report.approved.length} breaking (allowed), ${consumers.unused.length} breaking (no consumer uses them), ` +
      `${consumers.used.length} breaking (consumers use them)`,
    `consumer operations checked: ${new Set(found.operations.map((o) => `${o.consumer.root} ${o.name}`)).size} ` +
      `(${found.operations.length} documents, sources and manifests) in ${found.consumers.map((c) => c.root).join(', ') || 'no consumer project'}`,
  ];
  for (const c of report.dangerous) log.push(`dangerous:${line(c)}`);
  for (const { change, reason } of report.approved) log.push(`allowed:${line(change)} (reason: ${reason})`);
  for (const c of consumers.unused) log.push(`allowed, no consumer operation uses it:${line(c)}`);
  const errors = report.unused.map((a) => `unused allowlist entry: ${a.type} ${a.path}`);
  if (consumers.used.length) {
    errors.push('', 'Breaking changes that consumers would notice:');
    for (const { change, findings } of consumers.used) {
      errors.push(line(change));
      for (const finding of findings) errors.push(`    ${describeFinding(finding)}`);
    }
    errors.push(
      '',
      'Keep the old field (deprecate it with a reason instead) until no consumer uses it, or list each change in ' +
        'apps/api/schema-breaking-allowlist.json as {"type", "path", "reason"}.',
    );
  }
  if (consumers.invalid.length) {
    errors.push(
      '',
      'Consumer operations that do not validate against the current schema (update them, then run their codegen):',
    );
    for (const finding of consumers.invalid) errors.push(`  ${describeFinding(finding, 'fails:')}`);
  }
  if (consumers.problems.length) {
    errors.push('', 'Consumer documents that cannot be read:');
    for (const problem of consumers.problems) errors.push(`  ${problem}`);
  }
  const failed = consumers.used.length > 0 || consumers.invalid.length > 0 || consumers.problems.length > 0;
  return { failed, log, errors };
}
