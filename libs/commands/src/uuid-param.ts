import { Param, ParseUUIDPipe } from '@nestjs/common';
import { invalidField, PROBLEM_TYPES, ProblemException } from '@sd/http';

/** A path parameter that must be a uuid; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new ProblemException({
          type: PROBLEM_TYPES.ongeldigeInvoer,
          title: 'Ongeldige invoer',
          status: 400,
          detail: `${name} moet een uuid zijn.`,
          errors: [invalidField(name, 'geen geldige uuid')],
        }),
    }),
  );
