import { Company } from '../company/company.type.js';
import { Day } from '../day/day.type.js';
import { Practice } from '../practice/practice.type.js';
import { Recap } from '../recap/recap.type.js';
import { Story } from '../story/story.type.js';
import { createPayloadType } from './payload.type.js';

/*
 * The payloads of the content mutations: the record as committed (as it was, for a delete),
 * or null with `userErrors` saying why nothing changed.
 */

const written = (what: string) => `The ${what} as committed; null when nothing changed.`;
const deleted = (what: string) => `The ${what} as it was before it was deleted; null when nothing changed.`;

export const CreateStoryPayload = createPayloadType('CreateStory', 'story', Story, written('story'));
export const UpdateStoryPayload = createPayloadType('UpdateStory', 'story', Story, written('story'));
export const DeleteStoryPayload = createPayloadType('DeleteStory', 'story', Story, deleted('story'));
export const PublishStoryPayload = createPayloadType('PublishStory', 'story', Story, written('story'));
export const UnpublishStoryPayload = createPayloadType('UnpublishStory', 'story', Story, written('story'));
export const CreateCompanyPayload = createPayloadType('CreateCompany', 'company', Company, written('company'));
export const UpdateCompanyPayload = createPayloadType('UpdateCompany', 'company', Company, written('company'));
export const DeleteCompanyPayload = createPayloadType('DeleteCompany', 'company', Company, deleted('company'));
export const CreatePracticePayload = createPayloadType('CreatePractice', 'practice', Practice, written('practice'));
export const UpdatePracticePayload = createPayloadType('UpdatePractice', 'practice', Practice, written('practice'));
export const DeletePracticePayload = createPayloadType('DeletePractice', 'practice', Practice, deleted('practice'));
export const CreateDayPayload = createPayloadType('CreateDay', 'day', Day, written('day'));
export const UpdateDayPayload = createPayloadType('UpdateDay', 'day', Day, written('day'));
export const DeleteDayPayload = createPayloadType('DeleteDay', 'day', Day, deleted('day'));
export const CreateRecapPayload = createPayloadType('CreateRecap', 'recap', Recap, written('recap'));
export const UpdateRecapPayload = createPayloadType('UpdateRecap', 'recap', Recap, written('recap'));
export const DeleteRecapPayload = createPayloadType('DeleteRecap', 'recap', Recap, deleted('recap'));
export const PublishRecapPayload = createPayloadType('PublishRecap', 'recap', Recap, written('recap'));
export const UnpublishRecapPayload = createPayloadType('UnpublishRecap', 'recap', Recap, written('recap'));
