import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { authConfigFromEnv } from './auth.config.js';
import { AuthGuard } from './auth.guard.js';
import { DevTokenController } from './dev-token.controller.js';
import { AUTH_CONFIG, TokenService } from './token.service.js';

@Module({})
export class AuthModule {
  static forRoot(): DynamicModule {
    const config = authConfigFromEnv();
    return {
      module: AuthModule,
      global: true,
      controllers: config.mode === 'dev' ? [DevTokenController] : [],
      providers: [{ provide: AUTH_CONFIG, useValue: config }, TokenService, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [TokenService],
    };
  }
}
