import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { useMemo, useState } from 'react';
import { exampleTab, type ReadmeExample } from './examples/readme-examples.js';

type Fetcher = GraphiQLProps['fetcher'];

/** What the page says when the API does not answer introspection (as in production). */
export const NO_INTROSPECTION =
  'This server does not answer introspection (it runs with NODE_ENV=production), so the explorer has no schema: ' +
  'no documentation, no completion, no validation. Queries still run. To explore the schema, run the API locally ' +
  '(npm start) or read apps/api/schema.graphql.';

/**
 * POSTs each operation as JSON to `endpoint` (the API's own `/graphql`) and tells `onIntrospectionRefused`
 * when the schema request GraphiQL sends first comes back with errors instead of a schema.
 */
function apiFetcher(endpoint: string, onIntrospectionRefused: () => void): Fetcher {
  return async (params) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(params),
    });
    const result = await response.json();
    if (params.operationName === 'IntrospectionQuery' && !result?.data && result?.errors?.length) {
      onIntrospectionRefused();
    }
    return result;
  };
}

/**
 * GraphiQL against the API at `endpoint`, with the README's examples as its first tabs (or the
 * query in the page's `?query=`), and a note in place of the schema when introspection is off.
 */
export function Explorer({
  endpoint,
  examples,
  query,
}: {
  endpoint: string;
  examples: ReadmeExample[];
  query?: string;
}) {
  const [introspectionRefused, setIntrospectionRefused] = useState(false);
  const fetcher = useMemo(() => apiFetcher(endpoint, () => setIntrospectionRefused(true)), [endpoint]);
  const tabs = useMemo(() => [...(query ? [{ query }] : []), ...examples.map(exampleTab)], [examples, query]);
  return (
    <div className="explorer">
      {introspectionRefused ? (
        <p className="explorer-note" role="status">
          {NO_INTROSPECTION}
        </p>
      ) : null}
      <GraphiQL fetcher={fetcher} defaultTabs={tabs} defaultEditorToolsVisibility={false} shouldPersistHeaders={false}>
        <GraphiQL.Logo>devops-stories</GraphiQL.Logo>
      </GraphiQL>
    </div>
  );
}
