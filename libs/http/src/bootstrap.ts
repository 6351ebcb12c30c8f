import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { stopGracefullyOnSignals } from './graceful-shutdown.js';
import { PinoLoggerService } from './logging/pino-logger.js';
import { refuseDeepJson } from './json-depth.js';
import { createValidationPipe } from './validation.js';

export interface AppOptions {
  title: string;
  description: string;
}

/** Body limit, validation and OpenAPI (/api, /api-json): the same for every app and every test. */
export function configureApp(app: INestApplication, options: AppOptions): void {
  const express = app as NestExpressApplication;
  // Nest's option type leaves out `verify` (it uses it for rawBody, which we do not enable).
  const json = { limit: '1mb', type: ['application/json', 'application/*+json'], verify: refuseDeepJson };
  express.useBodyParser('json', json);
  app.useGlobalPipes(createValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api', app, document, { jsonDocumentUrl: 'api-json' });
}

export async function createApp(module: Type, options: AppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(PinoLoggerService));
  configureApp(app, options);
  return app;
}

/**
 * Makes `app` hybrid: `strategy` (a @nestjs/microservices transport) delivers messages to the
 * app's @EventPattern handlers. Without one (null) the app is HTTP only. It closes with the app.
 */
export async function connectTransport(app: INestApplication, strategy: CustomTransportStrategy | null | undefined): Promise<void> {
  if (!strategy) return;
  app.connectMicroservice({ strategy });
  await app.startAllMicroservices();
}

/** Starts an app on its port (env name, default) and says where; with a `microservice`, a hybrid app. */
export async function bootstrap(
  module: Type,
  options: AppOptions & { portEnv: string; defaultPort: number; microservice?: CustomTransportStrategy | null },
): Promise<void> {
  const app = await createApp(module, options);
  await connectTransport(app, options.microservice);
  const port = Number(process.env[options.portEnv] ?? options.defaultPort);
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  stopGracefullyOnSignals(app, app.get(PinoLoggerService));
}
