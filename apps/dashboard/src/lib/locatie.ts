import { useSyncExternalStore } from 'react';

/**
 * The browser's location as React state: links change it with pushState (no reload, the token
 * stays in memory), Back and Forward with popstate. Six pages need no router library.
 */
const WIJZIGING = 'sd-locatie';

function abonneer(melding: () => void): () => void {
  window.addEventListener('popstate', melding);
  window.addEventListener(WIJZIGING, melding);
  return () => {
    window.removeEventListener('popstate', melding);
    window.removeEventListener(WIJZIGING, melding);
  };
}

const huidig = () => window.location.pathname + window.location.search;

export function useLocatie(): { pad: string; zoek: string } {
  const adres = useSyncExternalStore(abonneer, huidig);
  const i = adres.indexOf('?');
  return i < 0 ? { pad: adres, zoek: '' } : { pad: adres.slice(0, i), zoek: adres.slice(i) };
}

export function navigeer(adres: string, opties: { vervang?: boolean } = {}): void {
  if (adres === huidig()) return;
  if (opties.vervang) window.history.replaceState(null, '', adres);
  else window.history.pushState(null, '', adres);
  window.dispatchEvent(new Event(WIJZIGING));
}

/** For an <a href>: a plain click navigates in the page; a modified click (new tab) is the browser's. */
export function volgLink(
  e: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean; preventDefault(): void },
  adres: string,
): void {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigeer(adres);
}
