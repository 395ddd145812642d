// The vocabulary of per-field merge rules a collection declares for three-way conflict merges. The data layer
// applies them; an app declares them beside its schemas; the server and the kit can read them without RxDB.

/** How a field changed on both sides of a conflict is settled. */
export type FieldMergeRule =
  /** the server's value wins */
  | 'server'
  /** the local value wins */
  | 'local'
  /** the side whose document was edited last (by its `editedAt`) wins; ties go to the server */
  | 'latest'
  /** the larger number (or later timestamp) wins */
  | 'max'
  /** the smaller number wins */
  | 'min'
  /** three-way set merge: additions from both sides are kept, removals from either side apply */
  | 'union'
  /** the server value stays in the document; all three versions are recorded for a person to decide */
  | 'manual'
  /** an ordered enum: the state furthest along `order` wins */
  | { readonly rule: 'progression'; readonly order: readonly string[] };

/** The merge rules of one collection: a rule per top-level field, and one for every field not listed. */
export interface MergeRules {
  readonly fields: Readonly<Record<string, FieldMergeRule>>;
  /** rule for fields not listed in `fields`; `latest` when omitted */
  readonly fallback?: FieldMergeRule;
}
