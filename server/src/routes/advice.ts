import type { FastifyInstance } from 'fastify';
import { INVALID_REQUEST } from '../../../src/core/api-error';
import { answersQuerySchema } from '../../../src/core/answers-codec';
import { buildReport, reportSchema } from '../../../src/core/report';
import type { Catalogue } from '../../../src/core/catalogue-schema';
import { HttpError } from '../lib/errors';
import type { DatasetStore } from '../lib/dataset-store';
import { declareRoute } from '../lib/route';

// GET /api/advice?<answer parameters> returns exactly the JSON report (kcomm-report/1). Unlike the app,
// which shows a bad permalink's errors and carries on with defaults, the API refuses bad input outright.
export function adviceRoutes(app: FastifyInstance, catalogue: Catalogue, store: DatasetStore) {
  declareRoute(app, {
    method: 'GET',
    url: '/api/advice',
    schema: { querystring: answersQuerySchema, response: { 200: reportSchema } },
    handler: async (req) => {
      const answers = req.query;
      let dataset = null;
      if (answers.dataset !== null) {
        const loaded = await store.get(answers.dataset);
        if (!loaded || !loaded.ok) {
          const why = !loaded ? 'no such dataset' : `the dataset is unusable: ${loaded.error}`;
          throw new HttpError(400, INVALID_REQUEST, `dataset: ${why}`, [
            { param: 'dataset', value: answers.dataset, message: `dataset "${answers.dataset}": ${why}` },
          ]);
        }
        dataset = loaded.dataset;
      }
      return buildReport(answers, catalogue, dataset, `${req.protocol}://${req.headers.host ?? '127.0.0.1'}`);
    },
  });
}
