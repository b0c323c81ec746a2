import { projectTestConfig } from '../../vitest.preset.js';

export default projectTestConfig(import.meta.url, { testTimeout: 60_000 });
