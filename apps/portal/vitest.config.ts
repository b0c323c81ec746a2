import { projectTestConfig } from '../../vitest.preset.js';

export default projectTestConfig(import.meta.url, { include: ['src/**/*.spec.ts'], testTimeout: 60_000 });
