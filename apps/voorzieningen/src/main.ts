import 'reflect-metadata';
import { bootstrap } from '@sd/http';
import { VOORZIENINGEN_APP, VoorzieningenModule } from './voorzieningen.module.js';

await bootstrap(VoorzieningenModule, { ...VOORZIENINGEN_APP, portEnv: 'VOORZIENINGEN_PORT', defaultPort: 3002 });
