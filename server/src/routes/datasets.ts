import type { FastifyInstance } from 'fastify';
import { HttpError } from '../lib/errors';
import type { DatasetStore } from '../lib/dataset-store';

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,79}$' } },
} as const;

export function datasetRoutes(app: FastifyInstance, store: DatasetStore) {
  app.get('/api/datasets', async () => ({ datasets: await store.list() }));

  app.get<{ Params: { id: string } }>('/api/datasets/:id', { schema: { params: idParams } }, async (req) => {
    const loaded = await store.get(req.params.id);
    if (!loaded) throw new HttpError(404, 'not-found', `No dataset with id "${req.params.id}".`);
    if (!loaded.ok) throw new HttpError(422, 'corrupt-dataset', `Dataset "${req.params.id}" ${loaded.error}`);
    return loaded.dataset;
  });
}
