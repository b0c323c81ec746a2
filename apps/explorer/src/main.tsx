import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './explorer.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { examples } from 'virtual:readme-examples';
import { Explorer } from './explorer.js';

const root = document.getElementById('explorer');
if (!root) throw new Error('the page has no #explorer element');
createRoot(root).render(
  <StrictMode>
    <Explorer
      endpoint={new URL('/graphql', location.href).href}
      examples={examples}
      query={new URLSearchParams(location.search).get('query') ?? undefined}
    />
  </StrictMode>,
);
