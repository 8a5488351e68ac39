import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Catalogue } from '../../../src/core/catalogue-schema';
import { METHOD_IDS } from '../../../src/core/ids';
import { HttpError } from '../lib/errors';

export interface ReferenceFile {
  name: string;
  /** 'kernel' module source, 'uapi' shared header, 'user' side, 'build' files, 'readme'. */
  role: 'kernel' | 'uapi' | 'user' | 'build' | 'readme';
  language: 'c' | 'makefile' | 'markdown';
  content: string;
}

const ORDER: ReferenceFile['role'][] = ['readme', 'kernel', 'uapi', 'user', 'build'];

function classify(name: string): Pick<ReferenceFile, 'role' | 'language'> | null {
  if (name === 'README.md') return { role: 'readme', language: 'markdown' };
  if (name === 'Kbuild' || name === 'Makefile') return { role: 'build', language: 'makefile' };
  if (/^kcomm_[a-z0-9_]+\.c$/.test(name)) return { role: 'kernel', language: 'c' };
  // A trace event header (TRACE_EVENT, read again by define_trace.h) is kernel code, not a shared header.
  if (/^kcomm_[a-z0-9_]+_trace\.h$/.test(name)) return { role: 'kernel', language: 'c' };
  if (/^kcomm_[a-z0-9_]+\.h$/.test(name)) return { role: 'uapi', language: 'c' };
  if (/^[a-z0-9_]+_user\.c$/.test(name)) return { role: 'user', language: 'c' };
  return null;
}

// GET /api/methods/:id/reference: the reference module's files (kernel side, uapi header, user side, build
// files, README) for the method page's code viewer. Only files of those kinds are ever read, from the
// method's own folder named in the catalogue.
export function referenceRoutes(app: FastifyInstance, catalogue: Catalogue, rootDir: string) {
  app.get<{ Params: { id: string } }>(
    '/api/methods/:id/reference',
    {
      schema: {
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', enum: [...METHOD_IDS] } } },
      },
    },
    async (req) => {
      const method = catalogue.methods.find((m) => m.id === req.params.id);
      if (!method) throw new HttpError(404, 'not-found', `No method "${req.params.id}".`);
      if (method.reference.path === null)
        return { method: method.id, path: null, note: method.reference.note, files: [] };
      const dir = path.join(rootDir, method.reference.path);
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        throw new HttpError(404, 'not-found', `The reference folder ${method.reference.path} is missing.`);
      }
      const files: ReferenceFile[] = [];
      for (const name of names.sort()) {
        const kind = classify(name);
        if (!kind) continue;
        files.push({ name, ...kind, content: await readFile(path.join(dir, name), 'utf8') });
      }
      files.sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role) || a.name.localeCompare(b.name));
      return { method: method.id, path: method.reference.path, note: method.reference.note, files };
    },
  );
}
