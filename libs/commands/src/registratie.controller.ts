import { applyDecorators, Body, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Gebruiker, type Principal, Rollen } from '@sd/auth';
import type { DomainEvent } from '@sd/contracts';
import { Tekst } from '@sd/http';
import { uitStream, Verwerking } from '@sd/logboek';
import type { Aggregate } from './aggregates.js';
import { answerCreated, answerPosition } from './answers.js';
import { CommandHandler, nieuwId } from './command-handler.js';
import { CommandMeta, type CommandMetadata } from './command-metadata.js';
import { Feiten } from './feiten.service.js';
import { StateReader } from './state-reader.js';
import { UuidParam } from './uuid-param.js';

/** POST …/{id}/intrekking: the registration was made in error. */
export class IntrekkingDto {
  @Tekst({ description: 'Waarom de registratie een vergissing was' }) reden!: string;
}

/** How the API names one kind of registration: its path, the member naming a new one's id, its intrekking. */
export interface Registratie<C, S, E extends DomainEvent, K extends string> {
  aggregate: Aggregate<C, S, E>;
  pad: string;
  idVeld: K;
  intrekking: (reden: string) => C;
}

export const registratie = <C, S, E extends DomainEvent, K extends string>(
  aggregate: Aggregate<C, S, E>,
  pad: string,
  idVeld: K,
  intrekking: (reden: string) => NoInfer<C>,
): Registratie<C, S, E, K> => ({ aggregate, pad, idVeld, intrekking });

/**
 * The OpenAPI decorators of a registration's controller: its tag, bearer auth, Idempotency-Key on its
 * POSTs. The controller names its path itself with @Controller('…'): the deploy checks read that.
 */
export const RegistratieResource = ({ pad }: { pad: string }) =>
  applyDecorators(ApiTags(pad), ApiBearerAuth(), ApiHeader({ name: 'Idempotency-Key', required: false }));

/** A consultant's command that makes a new registration: POST, answered 201 with its Location. */
export const Create = () => applyDecorators(Post(), Rollen('consulent'));

/** A consultant's command on an existing registration: POST, answered 200 since nothing new is made. */
export const FollowUp = (path: string) => applyDecorators(Post(path), HttpCode(200), Rollen('consulent'));

/**
 * The base of a registration's controller (aanmelding, voorziening, uitkering, afwijzing,
 * bezwaar): what they all have is declared here once. GET {id} (its state, for a consultant of its
 * gemeente, with its version as ETag) and POST {id}/intrekking; `create` and `followUp` run the
 * controller's own commands and make their answers.
 */
export function RegistratieController<C, S extends { status: string }, E extends DomainEvent, K extends string>(
  registratie: Registratie<C, S, E, K>,
) {
  const { aggregate } = registratie;
  abstract class RegistratieBase {
    // Property injection, so the controllers need no constructor of their own.
    @Inject(CommandHandler) private readonly commands!: CommandHandler;
    @Inject(StateReader) private readonly reader!: StateReader;
    @Inject(Feiten) protected readonly feiten!: Feiten;

    @Get(':id')
    @Rollen('consulent')
    lees(@UuidParam('id') id: string, @Gebruiker() gebruiker: Principal) {
      return this.reader.read(aggregate, id, gebruiker);
    }

    @FollowUp(':id/intrekking')
    @Verwerking('intrekken-registratie', { betrokkene: uitStream((p) => aggregate.streamId(p.id)) })
    trekIn(@UuidParam('id') id: string, @Body() body: IntrekkingDto, @CommandMeta() metadata: CommandMetadata) {
      return this.followUp(id, registratie.intrekking(body.reden), metadata);
    }

    /**
     * The first command of a new registration, under a new id. `gemeente` owns the new stream: the
     * gemeente of the client or besluit the command names (undefined when that does not exist).
     */
    protected async create(metadata: CommandMetadata, gemeente: string | undefined, command: (id: string) => C) {
      const id = nieuwId(metadata);
      const result = await this.commands.handle({ aggregate, id, newStream: true, gemeente, command: command(id), metadata });
      return answerCreated(result, `/${registratie.pad}`, registratie.idVeld);
    }

    /** A command on an existing registration. */
    protected async followUp(id: string, command: C, metadata: CommandMetadata) {
      return answerPosition(await this.commands.handle({ aggregate, id, command, metadata }));
    }
  }
  return RegistratieBase;
}
