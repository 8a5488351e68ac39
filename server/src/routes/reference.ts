import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Catalogue, Method } from '../../../src/core/catalogue-schema';
import { METHOD_IDS } from '../../../src/core/ids';
import { HttpError } from '../lib/errors';
import { gitCommit } from '../lib/git';
import { moduleName, readKernelsTested, testedOn } from '../lib/kernels-tested';
import { readReferenceFiles } from '../lib/reference-files';
import { buildStarterArchive } from '../lib/starter-archive';

// Unknown ids are a 404 here (the download link is a URL people share), not a validation error; the
// pattern still keeps anything but an id out of the path.
const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$' } },
} as const;

const referenceBody = {
  type: 'object',
  required: ['method', 'path', 'note', 'files'],
  additionalProperties: false,
  properties: {
    method: { type: 'string' },
    /** Per kernel of data/kernels-tested.json: built at W=1 and passed robust mode; null without a record. */
    tested: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        required: ['version', 'built', 'robust'],
        additionalProperties: false,
        properties: { version: { type: 'string' }, built: { type: 'boolean' }, robust: { type: 'boolean' } },
      },
    },
    path: { type: ['string', 'null'] },
    note: { type: 'string' },
    files: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'role', 'language', 'content'],
        additionalProperties: false,
        properties: {
          name: { type: 'string' },
          role: { type: 'string', enum: ['kernel', 'bpf', 'uapi', 'user', 'build', 'readme'] },
          language: { type: 'string', enum: ['c', 'makefile', 'markdown'] },
          content: { type: 'string' },
        },
      },
    },
  },
} as const;

const errorBody = {
  type: 'object',
  required: ['error', 'message'],
  properties: { error: { type: 'string' }, message: { type: 'string' } },
} as const;

// GET /api/methods/:id/reference: the reference module's files (kernel side, uapi header, user side, build
// files, README) for the method page's code viewer. Only files of those kinds are ever read, from the
// method's own folder named in the catalogue.
// GET /api/methods/:id/starter.tar.gz: the same sources with the harness core and a README, to build at home.
export function referenceRoutes(
  app: FastifyInstance,
  catalogue: Catalogue,
  dirs: { rootDir: string; dataDir: string },
) {
  const find = (id: string): Method => {
    const method = catalogue.methods.find((m) => m.id === id);
    if (!method) throw new HttpError(404, 'not-found', `No method "${id}".`);
    return method;
  };

  app.get<{ Params: { id: string } }>(
    '/api/methods/:id/reference',
    {
      schema: {
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', enum: [...METHOD_IDS] } } },
        response: { 200: referenceBody, 404: errorBody },
      },
    },
    async (req) => {
      const method = find(req.params.id);
      if (method.reference.path === null)
        return { method: method.id, path: null, note: method.reference.note, files: [] };
      const files = await readReferenceFiles(path.join(dirs.rootDir, method.reference.path));
      if (!files) throw new HttpError(404, 'not-found', `The reference folder ${method.reference.path} is missing.`);
      const tested = testedOn(await readKernelsTested(dirs.dataDir), moduleName(files));
      return { method: method.id, path: method.reference.path, note: method.reference.note, files, tested };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/methods/:id/starter.tar.gz',
    { schema: { params: idParams, response: { 404: errorBody } } },
    async (req, reply) => {
      const method = find(req.params.id);
      const refPath = method.reference.path;
      if (refPath === null) {
        throw new HttpError(404, 'no-reference-code', `${method.name} has no kcomm reference module to download.`);
      }
      const archive = await buildStarterArchive({
        ...dirs,
        method: { ...method, reference: { ...method.reference, path: refPath } },
        commit: await gitCommit(dirs.rootDir),
      });
      if (!archive) throw new HttpError(404, 'not-found', `The reference folder ${refPath} is missing.`);
      return reply
        .type('application/gzip')
        .header('content-disposition', `attachment; filename="${archive.filename}"`)
        .send(archive.bytes);
    },
  );
}
