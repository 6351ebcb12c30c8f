import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { invalidField, type InvalidField, PROBLEM_TYPES, ProblemException } from './problem.js';

function flatten(errors: ValidationError[], prefix = ''): InvalidField[] {
  return errors.flatMap((e) => {
    const field = `${prefix}${e.property}`;
    const own = Object.values(e.constraints ?? {}).map((m) => invalidField(field, m));
    return [...own, ...flatten(e.children ?? [], `${field}.`)];
  });
}

/** Request validation at the boundary: unknown fields are refused, every invalid field named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // Never put the rejected value (it may be a BSN) into a message.
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new ProblemException({
        type: PROBLEM_TYPES.ongeldigeInvoer,
        title: 'Ongeldige invoer',
        status: 400,
        detail: `Ongeldig: ${[...new Set(fields.map((f) => f.field))].join(', ')}.`,
        errors: fields,
      });
    },
  });
}
