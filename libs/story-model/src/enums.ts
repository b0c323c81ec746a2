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

/** Where a record comes from. */
export enum Origin {
  FILE = 'FILE',
  API = 'API',
}

/** Whether a story or recap is shown to readers. */
export enum PublicationStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}

/** Where a community submission stands. */
export enum SubmissionStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

/** What an API token may do. */
export enum Role {
  EDITOR = 'EDITOR',
  MODERATOR = 'MODERATOR',
  ADMIN = 'ADMIN',
}

/** Why a mutation changed nothing, in a way its author can fix. */
export enum UserErrorCode {
  INVALID = 'INVALID',
  NOT_FOUND = 'NOT_FOUND',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  SLUG_TAKEN = 'SLUG_TAKEN',
  EDIT_IN_SOURCE = 'EDIT_IN_SOURCE',
  IN_USE = 'IN_USE',
}

registerEnumType(Origin, {
  name: 'Origin',
  description: 'Where a record comes from.',
  valuesConfig: {
    FILE: { description: 'A Markdown file of the content folder: edit the file, the import updates the record.' },
    API: { description: 'Created over the API: edit it with mutations.' },
  },
});
registerEnumType(PublicationStatus, {
  name: 'PublicationStatus',
  description: 'Whether readers see a story or recap: drafts are seen only in preview.',
});
registerEnumType(SubmissionStatus, { name: 'SubmissionStatus', description: 'Where a community submission stands.' });
registerEnumType(Role, {
  name: 'Role',
  description: 'What an API token may do.',
  valuesConfig: {
    EDITOR: { description: 'Write, preview and publish content.' },
    MODERATOR: { description: 'Review community submissions.' },
    ADMIN: { description: 'Everything, plus tokens and the audit log.' },
  },
});
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation changed nothing, in a way its author can fix.',
  valuesConfig: {
    INVALID: { description: 'A field breaks a content rule; the message says which and how.' },
    NOT_FOUND: { description: 'The record does not exist (any more).' },
    VERSION_CONFLICT: {
      description: 'Someone changed the record since you read it; the message gives the current version.',
    },
    SLUG_TAKEN: { description: 'Another record has this slug, day or name.' },
    EDIT_IN_SOURCE: { description: 'The record comes from a file: edit the file the message names.' },
    IN_USE: { description: 'Other records use this one; change them first.' },
  },
});
