import 'reflect-metadata';
import { bootstrap } from '@sd/http';
import { INTAKE_APP, IntakeModule } from './intake.module.js';

await bootstrap(IntakeModule, { ...INTAKE_APP, portEnv: 'INTAKE_PORT', defaultPort: 3001 });
