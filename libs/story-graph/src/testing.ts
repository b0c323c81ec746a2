export { createGraphHarness, type GraphHarness } from './testing/graph-harness.js';
