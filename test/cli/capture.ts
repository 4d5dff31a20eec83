/** Runs the CLI in-process with stdout/stderr captured (much faster than spawning node). */
import { vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

export interface CliOutput {
  code: number;
  stdout: string;
  stderr: string;
  /** stderr split into lines (without the trailing empty one). */
  errLines: string[];
}

export async function cli(...argv: string[]): Promise<CliOutput> {
  let stdout = '';
  let stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return {
      code,
      stdout,
      stderr,
      errLines: stderr.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1),
    };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
