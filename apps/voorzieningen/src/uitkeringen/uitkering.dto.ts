import {
  INSTROOMREDENEN,
  type Instroomreden,
  LEVERINGSVORMEN,
  type Leveringsvorm,
  REGELINGEN,
  type Regeling,
  UITSTROOMREDENEN,
  type Uitstroomreden,
} from '@sd/domain';
import { Code, Datum, Productcategorie, Tekst, Uuid } from '@sd/http';

export class KenUitkeringToeDto {
  @Uuid() clientId!: string;
  @Code(REGELINGEN) regeling!: Regeling;
  @Datum() ingangsdatum!: string;
  @Code(INSTROOMREDENEN) instroomreden!: Instroomreden;
  @Datum({ optional: true, nietInToekomst: true, description: 'Datum van het besluit; standaard de ingangsdatum' }) besluitdatum?: string;
}

export class BeeindigUitkeringDto {
  @Datum({ description: 'Laatste dag van de uitkering (t/m)' }) einddatum!: string;
  @Code(UITSTROOMREDENEN) uitstroomreden!: Uitstroomreden;
}

export class CorrigeerUitkeringDto {
  @Datum({ optional: true }) ingangsdatum?: string;
  @Datum({ optional: true, nullable: true, description: 'null maakt de beëindiging ongedaan' }) einddatum?: string | null;
  @Code(REGELINGEN, { optional: true }) regeling?: Regeling;
  @Productcategorie({ optional: true, description: 'Alleen voor voorzieningen' }) productcategorie?: string;
  @Code(LEVERINGSVORMEN, { optional: true, description: 'Alleen voor voorzieningen' }) leveringsvorm?: Leveringsvorm;
  @Tekst() reden!: string;
}
