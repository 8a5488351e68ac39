import type { FastifyInstance } from 'fastify';
import type { HealthService } from '../lib/health';

// GET /api/health: what this host can run (lib/health.ts).
export function healthRoutes(app: FastifyInstance, health: HealthService) {
  app.get('/api/health', async () => health.check());
}
