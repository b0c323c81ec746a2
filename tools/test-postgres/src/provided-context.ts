declare module 'vitest' {
  export interface ProvidedContext {
    /** The test run's PostgreSQL server (a superuser URL), which the global setup provides. */
    testPostgresUrl: string;
  }
}

export {};
