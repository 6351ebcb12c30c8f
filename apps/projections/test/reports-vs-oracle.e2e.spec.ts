import { startTestStack } from '../../../test/stack.js';
import { generateHistory } from './history-generator.js';
import { beschrijfOracleVergelijking } from './oracle-vergelijking.js';

/** The oracle comparison with one projection worker (inside the projections app under test). */
beschrijfOracleVergelijking(async (gemeenten, seed) => {
  const stack = await startTestStack();
  const history = await generateHistory(stack, { seed, clienten: 150, gemeenten });
  return { stack, history, stop: () => stack.close() };
});
