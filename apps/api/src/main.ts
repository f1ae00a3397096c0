import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app/app.module';
import { ProblemFilter } from './app/common/problem.filter';
import { createValidationPipe } from './app/common/validation';
import { buildOpenApiDocument } from './app/openapi';

export const GLOBAL_PREFIX = 'api';

function keepRawBody(req: { rawBody?: Buffer }, _res: unknown, buffer: Buffer): void {
  req.rawBody = buffer;
}

export function configureApp(app: NestExpressApplication): void {
  app.setGlobalPrefix(GLOBAL_PREFIX);
  // A 10,000-line quote is a few megabytes of JSON; one request must carry it.
  // The raw bytes are kept for signature checks (inbound ERP facts are signed over the exact body).
  app.useBodyParser('json', { limit: process.env['JSON_BODY_LIMIT'] || '32mb', verify: keepRawBody });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.enableShutdownHooks();
}

/** Serves the built console (one origin for the SPA and the API) with an index.html fallback. */
function serveConsole(app: NestExpressApplication, dir: string): boolean {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) return false;
  app.useStaticAssets(root, { index: false, maxAge: '1h' });
  app.use((req: { method: string; path: string }, res: { sendFile: (p: string) => void }, next: () => void) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith(`/${GLOBAL_PREFIX}`)) {
      res.sendFile(join(root, 'index.html'));
      return;
    }
    next();
  });
  return true;
}

async function emitOpenApi(out: string): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { preview: true, logger: false });
  configureApp(app);
  writeFileSync(out, JSON.stringify(buildOpenApiDocument(app), null, 2) + '\n');
  await app.close();
}

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  configureApp(app);
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(`${GLOBAL_PREFIX}/docs`, app, () => document, { jsonDocumentUrl: `${GLOBAL_PREFIX}/docs-json` });
  const consoleDir = process.env['CONSOLE_DIR'];
  const servingConsole = consoleDir ? serveConsole(app, consoleDir) : false;
  const port = Number(process.env['PORT'] ?? 3000);
  await app.listen(port, process.env['HOST'] ?? '127.0.0.1');
  logger.log({ port, servingConsole }, `Signet API listening on http://127.0.0.1:${port}/${GLOBAL_PREFIX}`);
}

const emitIndex = process.argv.indexOf('--emit-openapi');
if (emitIndex >= 0) {
  emitOpenApi(process.argv[emitIndex + 1] ?? 'apps/api/openapi.json').catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  bootstrap().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
