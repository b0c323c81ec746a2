import { BodyFormat } from '@devops-stories/story-model';
import type { RenderedBody } from '@devops-stories/story-store';

/** What `body(format:)` of a story, day or recap serves: the form stored at import, never rendered per request. */
export function bodyIn(record: RenderedBody, format: BodyFormat): string {
  if (format === BodyFormat.HTML) return record.bodyHtml;
  if (format === BodyFormat.TEXT) return record.bodyText;
  return record.body;
}
