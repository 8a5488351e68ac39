import type { FastifyInstance } from 'fastify';
import type { Catalogue } from '../../../src/core/catalogue-schema';

export function catalogueRoutes(app: FastifyInstance, catalogue: Catalogue) {
  app.get('/api/methods', async () => ({ methods: catalogue.methods }));
  app.get('/api/traits', async () => ({ traits: catalogue.traits }));
}
