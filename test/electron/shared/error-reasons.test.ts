import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { errorReasons, fieldReasons, type ErrorReason } from '../../../electron/shared/error-reasons';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCE = join(ROOT, 'electron');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const unwrap = (node: ts.Expression): ts.Expression =>
  ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node) || ts.isTypeAssertionExpression(node) ? unwrap(node.expression) : node;

interface Site {
  where: string;
  /** The code as written, when it is a string literal. */
  code?: string;
  /** The reason as written, when it is a string literal. */
  reason?: string;
  /** Why the site does not visibly pass a reason; undefined when it does. */
  problem?: string;
}

/** Whether `name` is a parameter of an enclosing function declared as ErrorDetails (a helper that passes its caller's details on). */
function isDetailsParameter(node: ts.Node, name: string): boolean {
  for (let scope: ts.Node | undefined = node; scope; scope = scope.parent) {
    if (!ts.isFunctionLike(scope)) continue;
    const parameter = scope.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name);
    if (parameter) return parameter.type !== undefined && ts.isTypeReferenceNode(parameter.type) && parameter.type.typeName.getText() === 'ErrorDetails';
  }
  return false;
}

/** Every `new AppError(...)` in the source, read with TypeScript's own parser (syntax only). */
function appErrorSites(folder: string): Site[] {
  const sites: Site[] = [];
  for (const file of sourceFiles(folder)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('AppError')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isNewExpression(node) && node.expression.getText() === 'AppError') {
        const where = `${relative(folder === SOURCE ? ROOT : folder, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        const [code, , details] = node.arguments ?? [];
        const site: Site = { where };
        const codeNode = code && unwrap(code);
        if (codeNode && ts.isStringLiteral(codeNode)) site.code = codeNode.text;
        const object = details && unwrap(details);
        if (object && ts.isIdentifier(object) && isDetailsParameter(node, object.text)) {
          // A helper such as inputRefused: its callers' details (reason included) are typed ErrorDetails.
        } else if (!object || !ts.isObjectLiteralExpression(object)) {
          site.problem = 'its third argument is neither an object literal nor ErrorDetails passed on';
        } else {
          const reason = object.properties.find((p) => p.name?.getText() === 'reason');
          const passedOn = object.properties.some((p) => ts.isSpreadAssignment(p) && ts.isIdentifier(p.expression) && isDetailsParameter(node, p.expression.text));
          if (reason && ts.isPropertyAssignment(reason) && ts.isStringLiteral(unwrap(reason.initializer))) site.reason = (unwrap(reason.initializer) as ts.StringLiteral).text;
          if (!reason && !passedOn) site.problem = 'it passes no reason';
        }
        sites.push(site);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return sites;
}

describe('every error main can raise names its message', () => {
  const sites = appErrorSites(SOURCE);

  it('finds the AppErrors (the walk is not blind)', () => {
    // About 60 when this was written; a walk that finds few has lost its way.
    expect(sites.length).toBeGreaterThan(40);
    expect(sites.some((site) => site.where.startsWith('electron/core/'))).toBe(true);
    expect(sites.some((site) => site.where.startsWith('electron/storage/'))).toBe(true);
    expect(sites.some((site) => site.where.startsWith('electron/adapters/'))).toBe(true);
  });

  it('flags a site that passes no reason (the walk can fail)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'gatekey-reasons-'));
    try {
      writeFileSync(
        join(folder, 'bad.ts'),
        [
          "throw new AppError('NOT_FOUND', 'Gone.');",
          "throw new AppError('NOT_FOUND', 'Gone.', { params: {} } as never);",
          "const pass = (details: unknown) => new AppError('NOT_FOUND', 'Gone.', details as never);",
          "throw new AppError('NOT_FOUND', 'Gone.', { reason: 'accessKeyGone' });",
        ].join('\n'),
      );
      expect(appErrorSites(folder).map((site) => Boolean(site.problem))).toEqual([true, true, true, false]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('passes a reason at every `new AppError(` outside the tests', () => {
    expect(sites.filter((site) => site.problem).map((site) => `${site.where}: ${site.problem}`)).toEqual([]);
  });

  it('uses only reasons the registry lists, each with the code the registry gives it', () => {
    const wrong = sites.flatMap((site) => {
      if (site.reason === undefined) return [];
      if (!Object.hasOwn(errorReasons, site.reason)) return [`${site.where}: unknown reason ${site.reason}`];
      const expected = errorReasons[site.reason as ErrorReason].code;
      return site.code !== undefined && site.code !== expected ? [`${site.where}: ${site.reason} is ${expected}, not ${site.code}`] : [];
    });
    expect(wrong).toEqual([]);
  });
});

describe('the reason registry', () => {
  const source = sourceFiles(SOURCE)
    .filter((file) => !file.endsWith('error-reasons.ts'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

  it('names messages and params in camelCase (`?` marks a param only some variants give)', () => {
    for (const [reason, { params }] of Object.entries(errorReasons)) {
      expect(reason).toMatch(/^[a-z][A-Za-z0-9]*$/);
      for (const param of params) expect(param, reason).toMatch(/^[a-z][A-Za-z0-9]*\??$/);
    }
    for (const reason of Object.keys(fieldReasons)) expect(reason).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it('lists no message main never gives', () => {
    const unused = [...Object.keys(errorReasons), ...Object.keys(fieldReasons)].filter((reason) => !source.includes(`'${reason}'`));
    expect(unused).toEqual([]);
  });

  it('keeps field reasons and error reasons apart, so a field reason always means one thing', () => {
    expect(Object.keys(fieldReasons).filter((reason) => Object.hasOwn(errorReasons, reason))).toEqual([]);
  });
});
