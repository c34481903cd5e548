import type { DocumentOfKind } from '../../model/document';

export type NewRelicDocument = DocumentOfKind<'newrelic-ini'>;

/** A value or key in a message, in backticks, on one line. */
export function code(text: string): string {
  return `\`${text.replace(/\n/g, ' ')}\``;
}
