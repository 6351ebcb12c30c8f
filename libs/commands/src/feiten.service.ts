import { Injectable } from '@nestjs/common';
import {
  type AanmeldingFeit,
  aanmeldingAlsFeit,
  afwijzingAlsBesluit,
  type BesluitFeit,
  type ClientFeit,
  eigenCodesVoor,
  uitkeringAlsBesluit,
  voorzieningAlsBesluit,
} from '@sd/domain';
import { AANMELDING, AFWIJZING, CLIENT, CODELIJST, UITKERING, VOORZIENING } from './aggregates.js';
import { CommandHandler } from './command-handler.js';

/**
 * Facts from other streams that a command needs (does the client exist, of which gemeente; what
 * besluit does a bezwaar contest). Read at the moment of the command; the decider judges them.
 */
@Injectable()
export class Feiten {
  constructor(private readonly commands: CommandHandler) {}

  async client(clientId: string): Promise<ClientFeit | null> {
    const { state } = await this.commands.load(CLIENT, clientId);
    if (state.status !== 'geregistreerd') return null;
    return { gemeente: state.gemeente, ...(state.huishoudenId ? { huishoudenId: state.huishoudenId } : {}) };
  }

  async aanmelding(aanmeldingId: string): Promise<AanmeldingFeit | null> {
    const { state } = await this.commands.load(AANMELDING, aanmeldingId);
    return aanmeldingAlsFeit(state);
  }

  /** A besluit is a voorziening, an uitkering or an afwijzing; the id says not which. */
  async besluit(besluitId: string): Promise<BesluitFeit | null> {
    const [v, u, a] = await Promise.all([
      this.commands.load(VOORZIENING, besluitId),
      this.commands.load(UITKERING, besluitId),
      this.commands.load(AFWIJZING, besluitId),
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

  /**
   * What a correctie of a voorziening needs: the gemeente's own productcategorie codes for its wet,
   * read only when the correctie names a productcategorie (and the voorziening exists).
   */
  async voorCorrectie(voorzieningId: string, productcategorie: string | undefined): Promise<{ eigenProductcategorieen: string[] }> {
    if (!productcategorie) return { eigenProductcategorieen: [] };
    const { state } = await this.commands.load(VOORZIENING, voorzieningId);
    if (state.status === 'onbekend') return { eigenProductcategorieen: [] };
    return { eigenProductcategorieen: await this.eigenProductcategorieen(state.gemeente, state.wet) };
  }

  /** The gemeente's own productcategorie codes for this wet, besides the landelijke iWmo/iJw lists. */
  async eigenProductcategorieen(gemeente: string, wet: string): Promise<string[]> {
    const { state } = await this.commands.load(CODELIJST, gemeente);
    return eigenCodesVoor(state, wet);
  }
}
