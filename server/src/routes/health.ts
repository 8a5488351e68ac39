import type { FastifyInstance } from 'fastify';
import { healthSchema } from '../../../src/core/runs';
import type { HealthService } from '../lib/health';
import { declareRoute } from '../lib/route';

// GET /api/health: what this host can run (lib/health.ts).
export function healthRoutes(app: FastifyInstance, health: HealthService) {
  declareRoute(app, {
    method: 'GET',
    url: '/api/health',
    schema: { response: { 200: healthSchema } },
    handler: async () => health.check(),
  });
}
