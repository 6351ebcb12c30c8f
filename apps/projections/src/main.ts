import 'reflect-metadata';
import { bootstrap } from '@sd/http';
import { PROJECTIONS_APP, ProjectionsModule } from './projections.module.js';

await bootstrap(ProjectionsModule, { ...PROJECTIONS_APP, portEnv: 'PROJECTIONS_PORT', defaultPort: 3003 });
