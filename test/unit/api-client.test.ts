import { afterEach, describe, expect, it, vi } from 'vitest';
import { datasetSchema, type Dataset } from '../../src/core/dataset-schema';
import { ApiError, getJson, isFinalError, UNEXPECTED_REPLY } from '../../src/lib/api-client';
import fixture from '../fixtures/dataset-synthetic.json';

const dataset = fixture as Dataset;

function serve(body: unknown, init?: ResponseInit) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json(body, init)),
  );
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

afterEach(() => vi.unstubAllGlobals());

describe('the API client reads replies with the routes’ shared schemas', () => {
  it('returns a reply that fits its schema', async () => {
    serve(dataset);
    expect(await getJson('/api/datasets/fixture-synthetic', datasetSchema)).toEqual(dataset);
  });

  it('refuses a malformed reply with an error naming each field at fault, never with the data', async () => {
    const [first, ...rest] = dataset.results;
    serve({ ...dataset, results: [{ ...first, latencyNs: { ...first!.latencyNs, p50: 'fast' } }, ...rest] });
    const error = await failure(getJson('/api/datasets/fixture-synthetic', datasetSchema));
    expect(error.code).toBe(UNEXPECTED_REPLY);
    expect(error.status).toBe(200);
    expect(error.message).toMatch(
      /^The server's reply to GET \/api\/datasets\/fixture-synthetic is not what this app expects \(results\.0\.latencyNs\.p50: .*number/,
    );
    expect(error.message).toContain('reload the page');
    expect(error.errors).toEqual([
      { param: 'results.0.latencyNs.p50', value: 'fast', message: expect.stringContaining('number') },
    ]);
    expect(isFinalError(error)).toBe(true);
  });

  it('counts the faults past the first and lists a few of them', async () => {
    serve({ ...dataset, id: 'Not An Id', results: 'none', notes: [1, 2, 3, 4, 5, 6] });
    const error = await failure(getJson('/api/datasets/x', datasetSchema));
    expect(error.message).toMatch(/and \d+ more\)/);
    expect(error.errors.length).toBe(5);
    expect(error.errors.map((e) => e.param)).toContain('results');
  });

  it('refuses a reply of the wrong kind altogether, and keeps the server’s own error replies as they were', async () => {
    serve([1, 2]);
    expect((await failure(getJson('/api/datasets/x', datasetSchema))).errors[0]!.param).toBe('(the reply)');
    serve({ error: 'not-found', message: 'No dataset with id "x".' }, { status: 404 });
    const notFound = await failure(getJson('/api/datasets/x', datasetSchema));
    expect([notFound.status, notFound.code, notFound.message]).toEqual([404, 'not-found', 'No dataset with id "x".']);
    serve({ error: 'internal', message: 'boom' }, { status: 500 });
    expect(isFinalError(await failure(getJson('/api/datasets/x', datasetSchema)))).toBe(false);
  });
});
