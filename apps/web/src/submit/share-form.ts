import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { execute } from '../client.js';
import { explain } from '../panels.js';
import type { SubmitStoryMutation, SubmitStoryMutationVariables } from './gql/graphql.js';
import { submitStoryMutation } from './operations.js';
import { shareStyles } from './share.styles.js';

type Input = SubmitStoryMutationVariables['input'];
type Outcome = SubmitStoryMutation['submitStory'];

/** The form's fields, in order: the input field each one fills, its label, hint and kind. */
const FIELDS: { name: keyof Input; label: string; hint?: string; long?: boolean; optional?: boolean }[] = [
  { name: 'company', label: 'Company', hint: 'Who adopted DevOps.' },
  { name: 'title', label: 'Title', hint: 'One line: what the story is about.' },
  { name: 'whatChanged', label: 'What changed', hint: 'Practices, tools, teams.', long: true },
  { name: 'outcome', label: 'Outcome', hint: 'What came of it, with figures where you have them.', long: true },
  { name: 'links', label: 'Source links', hint: 'At least one public http(s) link, one per line.', long: true },
  { name: 'name', label: 'Your name', hint: 'If you would like credit.', optional: true },
  { name: 'contact', label: 'Contact', hint: 'Email or handle, for the moderators only.', optional: true },
];

/** Where the host shows the form and what it needs. */
export interface ShareContext {
  readonly endpoint: string;
  readonly renderRoot: ParentNode;
}

/**
 * "Share your story": a reader submits their DevOps adoption story for the moderators
 * (`submitStory`, no token). The server's `userErrors` are shown at their fields; a stored
 * submission ends with its receipt. Its own chunk, loaded when the reader opens the form.
 */
export class ShareForm {
  readonly #host: ReactiveControllerHost;
  readonly #context: ShareContext;
  readonly submission: Task<[Input], Outcome>;

  constructor(host: ReactiveControllerHost, context: ShareContext) {
    this.#host = host;
    this.#context = context;
    this.submission = new Task(host, {
      autoRun: false,
      task: async ([input], { signal }) =>
        (await execute(context.endpoint, submitStoryMutation, { input }, { signal })).submitStory,
    });
    const root = context.renderRoot as ShadowRoot;
    if (
      root.adoptedStyleSheets &&
      shareStyles.styleSheet &&
      !root.adoptedStyleSheets.includes(shareStyles.styleSheet)
    ) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, shareStyles.styleSheet];
    }
  }

  render(): TemplateResult {
    const outcome = this.submission.status === TaskStatus.COMPLETE ? this.submission.value : undefined;
    if (outcome?.receipt) return this.#renderReceipt(outcome.receipt);
    const problems = new Map<string, string>();
    for (const problem of outcome?.userErrors ?? []) {
      const field = problem.field?.[0] ?? '';
      if (!problems.has(field)) problems.set(field, problem.message);
    }
    const busy = this.submission.status === TaskStatus.PENDING;
    return html`<section class="share" aria-labelledby="share-heading">
      <h2 id="share-heading" tabindex="-1">Share your story</h2>
      <p>
        Has your company adopted a DevOps culture? Tell us what changed and how it went; moderators review every
        submission before anything is published.
      </p>
      <form novalidate @submit=${(event: SubmitEvent) => this.#submit(event)}>
        ${FIELDS.map((field) => this.#renderField(field, problems.get(field.name)))}
        ${problems.has('') ? html`<p class="problem" role="alert">${problems.get('')}</p>` : nothing}
        ${
          this.submission.status === TaskStatus.ERROR
            ? html`<p class="problem" role="alert">Not sent: ${explain(this.submission.error)}</p>`
            : nothing
        }
        ${problems.size ? html`<p class="problem" role="alert">Please correct the fields marked above.</p>` : nothing}
        <button class="primary" part="button" type="submit" ?disabled=${busy}>
          ${busy ? 'Sending…' : 'Send for review'}
        </button>
      </form>
    </section>`;
  }

  #renderField(field: (typeof FIELDS)[number], problem: string | undefined): TemplateResult {
    const id = `share-${field.name}`;
    const described = [field.hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
    const invalid = problem ? 'true' : 'false';
    const control = field.long
      ? html`<textarea
          id=${id}
          name=${field.name}
          rows=${field.name === 'links' ? 2 : 4}
          aria-invalid=${invalid}
          aria-describedby=${described || nothing}
          ?required=${!field.optional}
        ></textarea>`
      : html`<input
          id=${id}
          name=${field.name}
          type="text"
          autocomplete=${field.name === 'name' ? 'name' : field.name === 'contact' ? 'email' : 'off'}
          aria-invalid=${invalid}
          aria-describedby=${described || nothing}
          ?required=${!field.optional}
        />`;
    return html`<div class="field">
      <label for=${id}>${field.label}${field.optional ? ' (optional)' : ''}</label>
      ${control} ${field.hint ? html`<span class="hint" id="${id}-hint">${field.hint}</span>` : nothing}
      ${problem ? html`<p class="problem" id="${id}-problem">${field.label}: ${problem}</p>` : nothing}
    </div>`;
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: keyof Input) => String(new FormData(form).get(name) ?? '').trim();
    const optional = (name: keyof Input) => value(name) || null;
    const input: Input = {
      company: value('company'),
      title: value('title'),
      whatChanged: value('whatChanged'),
      outcome: value('outcome'),
      links: value('links').split(/\s+/).filter(Boolean),
      name: optional('name'),
      contact: optional('contact'),
    };
    void this.submission.run([input]).then(() => this.#focusOutcome());
  }

  /** After an answer: the receipt's heading, or the first field the server refused. */
  #focusOutcome(): void {
    void this.#host.updateComplete.then(() => {
      const root = this.#context.renderRoot;
      const target = root.querySelector<HTMLElement>('#share-done, [aria-invalid="true"], .share .problem');
      target?.focus();
    });
  }

  #renderReceipt(receipt: string): TemplateResult {
    return html`<section class="share" aria-labelledby="share-done">
      <h2 id="share-done" tabindex="-1">Thank you: your story is waiting for review</h2>
      <p>
        Keep this receipt. With it you can ask the story service how your submission stands, and read the moderator's
        note:
      </p>
      <output class="receipt" part="status">${receipt}</output>
      <p>The API answers <code>submission(receipt: "…") { status publicNote }</code>.</p>
    </section>`;
  }
}
