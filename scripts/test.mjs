// `npm test`: every check CI runs, in the order that fails fastest.
import { nx } from './nx.mjs';

nx('sync:check');
nx('format:check', '--all');
nx('run-many', '-t', 'lint', 'typecheck', 'content:check', '--outputStyle=static');
nx('run-many', '-t', 'check-schema', 'check-breaking', '--outputStyle=static');
nx('run-many', '-t', 'test', '--outputStyle=static', '--parallel=1');
nx('run-many', '-t', 'e2e', '--outputStyle=static', '--parallel=1');
console.log(
  '\n✔ all checks passed: lint, typecheck, content, schema drift, breaking changes, unit, integration and browser tests, generator end to end',
);
