import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { datasetIdSchema, datasetListSchema, datasetSchema } from '../../../src/core/dataset-schema';
import { HttpError } from '../lib/errors';
import type { DatasetStore } from '../lib/dataset-store';
import { declareRoute } from '../lib/route';

// GET /api/datasets: every file of data/benchmarks, summarised or with its error; GET /api/datasets/:id: one.
export function datasetRoutes(app: FastifyInstance, store: DatasetStore) {
  declareRoute(app, {
    method: 'GET',
    url: '/api/datasets',
    schema: { response: { 200: datasetListSchema } },
    handler: async () => ({ datasets: await store.list() }),
  });

  declareRoute(app, {
    method: 'GET',
    url: '/api/datasets/:id',
    schema: { params: z.strictObject({ id: datasetIdSchema }), response: { 200: datasetSchema } },
    handler: async (req) => {
      const loaded = await store.get(req.params.id);
      if (!loaded) throw new HttpError(404, 'not-found', `No dataset with id "${req.params.id}".`);
      if (!loaded.ok) throw new HttpError(422, 'corrupt-dataset', `Dataset "${req.params.id}" ${loaded.error}`);
      return loaded.dataset;
    },
  });
}
