import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * The commit the files come from: `git rev-parse --short HEAD`, plus `-dirty` when the tree has changes;
 * 'unknown' outside a git checkout. Datasets are the bench pipeline's output, not code: a new one in
 * data/benchmarks does not make the tree dirty.
 */
export async function gitCommit(repoDir: string): Promise<string> {
  const run = promisify(execFile);
  try {
    const { stdout: head } = await run('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoDir, timeout: 10_000 });
    const { stdout: status } = await run('git', ['status', '--porcelain', '--', '.', ':(exclude)data/benchmarks'], {
      cwd: repoDir,
      timeout: 30_000,
    });
    return `${head.trim()}${status.trim() ? '-dirty' : ''}`;
  } catch {
    return 'unknown';
  }
}
