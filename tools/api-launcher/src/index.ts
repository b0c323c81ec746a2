export { API_MAIN, freePort, type LaunchedApi, LaunchError, launchApi, type LaunchOptions } from './launch-api.js';
