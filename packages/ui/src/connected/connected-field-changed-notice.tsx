// The notice for one field of a `useDocumentDraft` draft: shown only while that field changed on another device
// since the person started editing it, with keep theirs / keep mine wired to the draft.
import type { DocumentDraft } from '@syncline/data';
import { FieldChangedNotice, type FieldChangedNoticeProps } from '../sync/field-changed-notice';

export type ConnectedFieldChangedNoticeProps<T extends object> = Omit<
  FieldChangedNoticeProps,
  'from' | 'to' | 'mine' | 'onKeepTheirs' | 'onKeepMine'
> & {
  /** The form's draft, from `useDocumentDraft`. */
  draft: DocumentDraft<T>;
  /** The field this notice stands under. */
  field: keyof T & string;
};

export function ConnectedFieldChangedNotice<T extends object>({
  draft,
  field,
  ...props
}: ConnectedFieldChangedNoticeProps<T>) {
  const change = draft.changedElsewhere.find((candidate) => candidate.field === field);
  if (!change) return null;
  return (
    <FieldChangedNotice
      from={change.base}
      to={change.theirs}
      mine={change.mine}
      onKeepTheirs={() => draft.keepTheirs(field)}
      onKeepMine={() => draft.keepMine(field)}
      {...props}
    />
  );
}
