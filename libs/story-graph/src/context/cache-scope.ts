/**
 * Whether the response to this request may be shared by caches. Public reads may; a resolver
 * that shows something personal (an editor's preview of a draft) marks the response private,
 * and the api then answers it `Cache-Control: private, no-store` and never stores it.
 */
export class CacheScope {
  /** @param personal private from the start (a request with a token, or in preview) */
  constructor(private personal = false) {}

  /** Marks this request's response as personal to the client that asked. */
  markPrivate(): void {
    this.personal = true;
  }

  get isPrivate(): boolean {
    return this.personal;
  }
}
