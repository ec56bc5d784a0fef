/**
 * Runs electronegativity (in a child process, offline, see runElectronegativity.cjs) over a
 * directory and reads its SARIF output back as a flat list of findings.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface Finding {
  /** Check id, e.g. NODE_INTEGRATION_JS_CHECK. */
  readonly check: string;
  /** Relative to the scanned directory; 'N/A' for a global check not tied to one file. */
  readonly file: string;
  readonly line: number;
  /** 'warning' for a finding, 'note' for "needs manual review". */
  readonly level: string;
  readonly message: string;
}

export interface ScanResult {
  readonly findings: readonly Finding[];
  /** How many checks ran (atomic per file, global over the atomic results). */
  readonly atomicChecks: number;
  readonly globalChecks: number;
  /** Files the tool could not parse (each one would be a file silently left unscanned). */
  readonly parseErrors: readonly { file: string; message: string; tolerable: boolean }[];
}

interface SarifLog {
  runs: {
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } } }[];
    }[];
  }[];
}

/** The findings in an electronegativity SARIF file. */
export function parseSarif(text: string): Finding[] {
  const log = JSON.parse(text) as SarifLog;
  return log.runs.flatMap((run) =>
    run.results.map((result) => {
      const location = result.locations[0]?.physicalLocation;
      const uri = location?.artifactLocation.uri ?? 'file:///';
      return {
        check: result.ruleId,
        // The tool writes file:/// for "no file".
        file: uri === 'file:///' ? 'N/A' : uri.split('\\').join('/'),
        line: location?.region?.startLine ?? 0,
        level: result.level,
        message: result.message.text,
      };
    }),
  );
}

const RUNNER = join(__dirname, 'runElectronegativity.cjs');

export async function scanWithElectronegativity(inputDir: string, sarifFile: string, electronVersion: string): Promise<ScanResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [RUNNER, inputDir, sarifFile, electronVersion], {
    timeout: 90_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const summary = JSON.parse(stdout.trim().split('\n').at(-1)!) as Omit<ScanResult, 'findings' | 'parseErrors'> & {
    errors: ScanResult['parseErrors'];
  };
  return {
    findings: parseSarif(await readFile(sarifFile, 'utf8')),
    atomicChecks: summary.atomicChecks,
    globalChecks: summary.globalChecks,
    parseErrors: summary.errors,
  };
}
