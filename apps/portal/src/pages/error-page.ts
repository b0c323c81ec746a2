import { html } from './html.js';
import { layout } from './layout.js';

/** The statuses the portal answers with a page of its own. */
export type ErrorStatus = 404 | 405 | 500 | 502 | 503;

const TEXT: Record<ErrorStatus, { title: string; body: string }> = {
  404: {
    title: 'Page not found',
    body: 'There is no page at this address. The series days are listed on the home page.',
  },
  405: { title: 'Method not allowed', body: 'The portal only serves pages to read.' },
  500: { title: 'Something went wrong', body: 'The page could not be put together. Please try again in a moment.' },
  502: {
    title: 'The stories could not be loaded',
    body: 'The story service gave an answer the portal could not use. Please try again in a moment.',
  },
  503: {
    title: 'The stories are unavailable right now',
    body: 'The story service cannot be reached at the moment, so this page cannot be shown. Please try again in a minute.',
  },
};

/** A page that says what went wrong and what the reader can do, without internal details. */
export function errorPage(status: ErrorStatus): string {
  const { title, body } = TEXT[status];
  return layout({
    title,
    description: body,
    main: html`<div class="problem" role="alert">
        <h1>${title}</h1>
        <p>${body}</p>
      </div>
      <p><a href="/">All days</a></p>`,
  });
}
