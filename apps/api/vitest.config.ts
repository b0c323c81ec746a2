import { projectTestConfig } from '../../vitest.preset.js';

export default projectTestConfig(import.meta.url, { decorators: true, testTimeout: 60_000, postgres: true });
