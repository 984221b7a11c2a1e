import {
  historyQuerySchema, personCreateSchema, personDeregisterSchema, personDuplicatesQuerySchema, personListQuerySchema, personMergeSchema,
  personUpdateSchema, revealSchema,
} from '@civicgrid/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/request-actor.js';
import type { Services } from '../../http/services.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['persons'];

export const personRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { personService, personSearchService, personMergeService } = services;

  app.get('/api/persons', {
    config: { access: { permission: 'base_data.read' } },
    schema: {
      tags, querystring: personListQuerySchema,
      summary: '实有人口 Persons in the caller’s jurisdiction, masked. q: a name (2+ characters; two match the start or end of a name), '
        + 'a whole ID number (18 or 15 digits, both forms), the last 4–6 characters of an ID number or phone, a mobile or its first 7+ digits, '
        + 'a landline with area code, or an address fragment (3+ characters)',
    },
  }, async (request) => personSearchService.list(actorOf(request), request.query));

  app.get('/api/persons/duplicates', {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags, querystring: personDuplicatesQuerySchema, summary: '疑似重复 Groups of persons with the same name and birth date, most likely duplicates first' },
  }, async (request) => personSearchService.duplicates(actorOf(request), request.query));

  app.get('/api/persons/:id', {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags, params: idParams, summary: '人员 A person: every field (ID number and phone masked), grid, household, groups, version and allowed actions' },
  }, async (request) => personService.get(actorOf(request), request.params.id));

  app.post('/api/persons', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, body: personCreateSchema, summary: '登记人员 Register a person (values keyed by PERSON_FIELDS); 409 person.id_number_taken' },
  }, async (request, reply) => reply.status(201).send(await personService.create(actorOf(request), request.body)));

  app.patch('/api/persons/:id', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, params: idParams, body: personUpdateSchema, summary: '修改人员 Change the sent fields of the version seen; 409 person.version_conflict' },
  }, async (request) => personService.update(actorOf(request), request.params.id, request.body));

  app.post('/api/persons/:id/deregister', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, params: idParams, body: personDeregisterSchema, summary: '注销 Deregister a person with a reason and date' },
  }, async (request) => personService.deregister(actorOf(request), request.params.id, request.body));

  app.get('/api/persons/:id/history', {
    config: { access: { permission: 'base_data.read' } },
    schema: { tags, params: idParams, querystring: historyQuerySchema, summary: '变更记录 The person’s changes, newest first (sensitive values masked)' },
  }, async (request) => personService.history(actorOf(request), request.params.id, request.query.limit));

  app.post('/api/persons/:id/merge', {
    config: { access: { permission: 'base_data.manage' } },
    schema: { tags, params: idParams, body: personMergeSchema, summary: '合并重复 Merge this person into another: references moved, this one deregistered (合并重复)' },
  }, async (request) => personMergeService.merge(actorOf(request), request.params.id, request.body));

  app.post('/api/persons/:id/reveal', {
    config: { access: { permission: 'person.reveal' }, auditedByService: true },
    schema: { tags, params: idParams, body: revealSchema, summary: '查看原文 Reveal one person’s ID number and phone, giving a reason (audited)' },
  }, async (request) => personService.reveal(actorOf(request), request.params.id, request.body.reason, request.ip));
};
