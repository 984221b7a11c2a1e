import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../http/services.js';
import { householdRoutes } from './households/household.routes.js';
import { houseRoutes } from './houses/house.routes.js';
import { personGroupRoutes } from './persons/person-group.routes.js';
import { personRoutes } from './persons/person.routes.js';
import { recordRoutes } from './records/record.routes.js';

/** The routes of every register. */
export const registerRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  await app.register(personRoutes(services));
  await app.register(personGroupRoutes(services));
  await app.register(houseRoutes(services));
  await app.register(householdRoutes(services));
  await app.register(recordRoutes(services.organizationRegisterService));
  await app.register(recordRoutes(services.placeRegisterService));
  await app.register(recordRoutes(services.facilityRegisterService));
};
