import { loadContent, markdownToHtml, markdownToText } from '@devops-stories/story-content';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphHarness, type GraphHarness } from '../testing/graph-harness.js';

const content = loadContent();

describe('body(format:) of stories, days and recaps', () => {
  let h: GraphHarness;
  beforeAll(async () => {
    h = await createGraphHarness();
  });
  afterAll(() => h.store.close());

  it('serves each body as Markdown, safe HTML and text, as rendered at import, without parsing Markdown per request', async () => {
    const day = content.days.find((d) => d.number === 5)!;
    const recap = content.recaps[0];
    const story = content.stories.find((s) => s.slug === 'netflix')!;
    const { data, errors } = await h.run(
      `query($day: Int!, $recap: Int!) {
        story(slug: "netflix") { markdown: body html: body(format: HTML) text: body(format: TEXT) }
        day(number: $day) { markdown: body html: body(format: HTML) text: body(format: TEXT) }
        recap(day: $recap) { markdown: body html: body(format: HTML) text: body(format: TEXT) }
      }`,
      { day: day.number, recap: recap.day },
    );
    expect(errors).toBeUndefined();
    for (const [served, source] of [
      [data!.story, story.body],
      [data!.day, day.body],
      [data!.recap, recap.body],
    ] as const) {
      expect(served).toEqual({ markdown: source, html: markdownToHtml(source), text: markdownToText(source) });
    }
    expect(h.statements).toHaveLength(3);
  });
});
