import { projectTestConfig } from '../../../vitest.preset.js';

export default projectTestConfig(import.meta.url, { include: ['*.e2e.ts'], testTimeout: 600_000 });
