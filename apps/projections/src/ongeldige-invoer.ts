import { type InvalidField, PROBLEM_TYPES, ProblemException } from '@sd/http';

/** 400 for query or path values the validation pipe cannot check on its own (they depend on each other or on the route). */
export function ongeldig(errors: InvalidField[]): ProblemException {
  return new ProblemException({
    type: PROBLEM_TYPES.ongeldigeInvoer,
    title: 'Ongeldige invoer',
    status: 400,
    detail: `Ongeldig: ${errors.map((e) => e.field).join(', ')}.`,
    errors,
  });
}
