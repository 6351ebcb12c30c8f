import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isKalenderdatum, isValidBsn, vandaag, vergelijkDatum } from '@sd/domain';

/** 9 digits passing the elfproef. The message never repeats the value. */
export function IsBsn(options?: ValidationOptions) {
  return (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'isBsn',
      target: target.constructor,
      propertyName: String(property),
      options: { message: `${String(property)} is geen geldig BSN (9 cijfers die de elfproef doorstaan)`, ...options },
      validator: { validate: (v: unknown) => isValidBsn(v) },
    });
}

/** A real calendar date `YYYY-MM-DD`; with `nietInToekomst`, not after today in Europe/Amsterdam. */
export function IsKalenderdatum(opts: { nietInToekomst?: boolean } = {}, options?: ValidationOptions) {
  return (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'isKalenderdatum',
      target: target.constructor,
      propertyName: String(property),
      options: {
        message: (args) =>
          isKalenderdatum(args.value)
            ? `${String(property)} ligt in de toekomst`
            : `${String(property)} moet een bestaande datum zijn in de vorm JJJJ-MM-DD`,
        ...options,
      },
      validator: {
        validate: (v: unknown) => isKalenderdatum(v) && (!opts.nietInToekomst || vergelijkDatum(v, vandaag()) <= 0),
      },
    });
}
