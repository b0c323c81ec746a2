import { registerEnumType } from 'type-graphql';

/** How `Story.body` is rendered. */
export enum BodyFormat {
  MARKDOWN = 'MARKDOWN',
  HTML = 'HTML',
  TEXT = 'TEXT',
}

/**
 * What kind of publication a `Source` is: the content's `SOURCE_KINDS` in upper case.
 * This library imports nothing of ours, so it mirrors that list; a story-graph test checks the two agree.
 */
export enum SourceKind {
  ARTICLE = 'ARTICLE',
  BLOG = 'BLOG',
  TALK = 'TALK',
  VIDEO = 'VIDEO',
  SLIDES = 'SLIDES',
  FORUM = 'FORUM',
}

/** The field a story list is sorted by. */
export enum StoryOrderField {
  PUBLISHED_AT = 'PUBLISHED_AT',
  YEAR = 'YEAR',
  TITLE = 'TITLE',
}

/** Sort direction. */
export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(BodyFormat, {
  name: 'BodyFormat',
  description: 'How a Markdown body is returned.',
  valuesConfig: {
    MARKDOWN: { description: 'The Markdown source as written.' },
    HTML: { description: 'Safe HTML: no raw HTML, no script, only http(s) and mailto links.' },
    TEXT: { description: 'Plain text without markup.' },
  },
});
registerEnumType(SourceKind, { name: 'SourceKind', description: 'The kind of publication a source is.' });
registerEnumType(StoryOrderField, { name: 'StoryOrderField', description: 'Fields a story list can be sorted by.' });
registerEnumType(OrderDirection, { name: 'OrderDirection', description: 'Sort direction.' });
