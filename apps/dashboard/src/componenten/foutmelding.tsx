import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { ApiFout } from '../api/http';

/**
 * A refusal as the API worded it: problem+json's detail (or title) and each invalid field by
 * name. A 403 names the gemeente outside the token ("Geen toegang tot gemeente GM…").
 */
export function Foutmelding({ fout }: { fout: unknown }) {
  const api = fout instanceof ApiFout ? fout : null;
  const tekst = api ? api.message : fout instanceof Error ? fout.message : 'Er ging iets mis.';
  return (
    <Alert type="error" className="sd-fout">
      <Paragraph>
        {api?.status === 403 ? <strong>Geen toegang. </strong> : null}
        {tekst}
      </Paragraph>
      {api && api.velden.length > 0 && (
        <UnorderedList>
          {api.velden.map((v) => (
            <UnorderedListItem key={`${v.field}:${v.message}`}>
              <code>{v.field}</code>: {v.message}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </Alert>
  );
}
