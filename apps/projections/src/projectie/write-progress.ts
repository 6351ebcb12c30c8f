import { Injectable } from '@nestjs/common';

/** Events this process has written per generation schema, committed or not yet: a rebuild's progress. */
@Injectable()
export class WriteProgress {
  private readonly written = new Map<string, number>();

  add(schema: string, events: number): void {
    this.written.set(schema, this.of(schema) + events);
  }

  of(schema: string): number {
    return this.written.get(schema) ?? 0;
  }

  all(): Record<string, number> {
    return Object.fromEntries(this.written);
  }
}
