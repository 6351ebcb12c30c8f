import { Injectable } from '@nestjs/common';
import {
  type AanmeldingFeit,
  aanmeldingAlsFeit,
  aanmeldingDecider,
  aanmeldingStreamId,
  afwijzingAlsBesluit,
  afwijzingDecider,
  afwijzingStreamId,
  type BesluitFeit,
  type ClientFeit,
  clientDecider,
  clientStreamId,
  codelijstDecider,
  codelijstStreamId,
  eigenCodesVoor,
  uitkeringAlsBesluit,
  uitkeringDecider,
  uitkeringStreamId,
  voorzieningAlsBesluit,
  voorzieningDecider,
  voorzieningStreamId,
} from '@sd/domain';
import { CommandService } from './command.service.js';

/**
 * Facts from other streams that a command needs (does the client exist, of which gemeente; what
 * besluit does a bezwaar contest). Read at the moment of the command; the decider judges them.
 */
@Injectable()
export class Feiten {
  constructor(private readonly commands: CommandService) {}

  async client(clientId: string): Promise<ClientFeit | null> {
    const { state } = await this.commands.loadState(clientStreamId(clientId), clientDecider);
    if (state.status !== 'geregistreerd') return null;
    return { gemeente: state.gemeente, ...(state.huishoudenId ? { huishoudenId: state.huishoudenId } : {}) };
  }

  async aanmelding(aanmeldingId: string): Promise<AanmeldingFeit | null> {
    const { state } = await this.commands.loadState(aanmeldingStreamId(aanmeldingId), aanmeldingDecider);
    return aanmeldingAlsFeit(state);
  }

  /** A besluit is a voorziening, an uitkering or an afwijzing; the id says not which. */
  async besluit(besluitId: string): Promise<BesluitFeit | null> {
    const [v, u, a] = await Promise.all([
      this.commands.loadState(voorzieningStreamId(besluitId), voorzieningDecider),
      this.commands.loadState(uitkeringStreamId(besluitId), uitkeringDecider),
      this.commands.loadState(afwijzingStreamId(besluitId), afwijzingDecider),
    ]);
    return voorzieningAlsBesluit(v.state) ?? uitkeringAlsBesluit(u.state) ?? afwijzingAlsBesluit(a.state);
  }

  /**
   * What a besluit on an aanvraag (toekenning or afwijzing) needs: the client, the aanmelding it
   * names, and the gemeente's own productcategorie codes for the wet.
   */
  async voorBesluit(clientId: string, wet: string, aanmeldingId?: string) {
    const client = await this.client(clientId);
    const [aanmelding, eigenProductcategorieen] = await Promise.all([
      aanmeldingId ? this.aanmelding(aanmeldingId) : undefined,
      client ? this.eigenProductcategorieen(client.gemeente, wet) : [],
    ]);
    return { client, aanmelding, eigenProductcategorieen };
  }

  /** The gemeente's own productcategorie codes for this wet, besides the landelijke iWmo/iJw lists. */
  async eigenProductcategorieen(gemeente: string, wet: string): Promise<string[]> {
    const { state } = await this.commands.loadState(codelijstStreamId(gemeente), codelijstDecider);
    return eigenCodesVoor(state, wet);
  }
}
