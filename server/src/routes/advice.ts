import type { FastifyInstance } from 'fastify';
import { decodeAnswers } from '../../../src/core/answers-codec';
import type { Catalogue } from '../../../src/core/catalogue-schema';
import { buildReport } from '../../../src/core/report';
import { HttpError } from '../lib/errors';
import type { DatasetStore } from '../lib/dataset-store';

// GET /api/advice?<answer parameters> returns exactly the JSON report (kcomm-report/1). Unlike the app,
// which shows a bad permalink's errors and carries on with defaults, the API refuses bad input outright.
export function adviceRoutes(app: FastifyInstance, catalogue: Catalogue, store: DatasetStore) {
  app.get('/api/advice', async (req) => {
    const query = new URL(req.url, 'http://x').searchParams;
    const { answers, errors } = decodeAnswers(query);
    if (errors.length > 0) {
      throw new HttpError(400, 'invalid-parameters', errors.map((e) => e.message).join('; '), errors);
    }
    let dataset = null;
    if (answers.dataset !== null) {
      const loaded = await store.get(answers.dataset);
      if (!loaded || !loaded.ok) {
        const why = !loaded ? 'no such dataset' : `the dataset is unusable: ${loaded.error}`;
        throw new HttpError(400, 'invalid-parameters', `dataset: ${why}`, [
          { param: 'dataset', value: answers.dataset, message: `dataset "${answers.dataset}": ${why}` },
        ]);
      }
      dataset = loaded.dataset;
    }
    return buildReport(answers, catalogue, dataset, `${req.protocol}://${req.headers.host ?? '127.0.0.1'}`);
  });
}
