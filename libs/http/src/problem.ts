import { HttpException } from '@nestjs/common';

/** One invalid request field, as RFC 9457 suggests (a JSON pointer into the body). */
export interface InvalidField {
  field: string;
  pointer: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: InvalidField[];
  [extension: string]: unknown;
}

export const invalidField = (field: string, message: string): InvalidField => ({
  field,
  pointer: `#/${field.replace(/\./g, '/')}`,
  message,
});

/** An HttpException whose response is already a problem body. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemBody) {
    super(problem, problem.status);
  }
}

export const PROBLEM_TYPES = {
  ongeldigeInvoer: 'urn:sociaal-domein:problem:ongeldige-invoer',
  regelOvertreding: 'urn:sociaal-domein:problem:regel-overtreding',
  conflict: 'urn:sociaal-domein:problem:conflict',
  versieConflict: 'urn:sociaal-domein:problem:versie-conflict',
  idempotency: 'urn:sociaal-domein:problem:idempotency-key-hergebruikt',
} as const;

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
