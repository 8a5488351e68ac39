import type { FastifyInstance } from 'fastify';
import {
  frameworkListSchema,
  methodListSchema,
  traitListSchema,
  type Catalogue,
} from '../../../src/core/catalogue-schema';
import { declareRoute } from '../lib/route';

// GET /api/methods, /api/traits and /api/frameworks: the catalogue as validated at start (lib/catalogue-store.ts).
export function catalogueRoutes(app: FastifyInstance, catalogue: Catalogue) {
  declareRoute(app, {
    method: 'GET',
    url: '/api/methods',
    schema: { response: { 200: methodListSchema } },
    handler: async () => ({ methods: catalogue.methods }),
  });
  declareRoute(app, {
    method: 'GET',
    url: '/api/traits',
    schema: { response: { 200: traitListSchema } },
    handler: async () => ({ traits: catalogue.traits }),
  });
  declareRoute(app, {
    method: 'GET',
    url: '/api/frameworks',
    schema: { response: { 200: frameworkListSchema } },
    handler: async () => ({ frameworks: catalogue.frameworks ?? [] }),
  });
}
