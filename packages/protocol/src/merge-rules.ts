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
  | { readonly rule: 'progression'; readonly order: readonly string[] }
  | ByIdMergeRule;

/**
 * An array of members with ids (an order's lines), merged member by member: a member changed on one side takes that
 * change, added on either side is kept, removed on one side and unchanged on the other goes; changed on both sides
 * (or edited on one, removed on the other) the server's member stays and the field goes to a person.
 */
export interface ByIdMergeRule {
  readonly rule: 'byId';
  /**
   * The id of a member stored without one (before the schema gave members ids): derived from the document and the
   * member's place, the same way the app's migration derives it, so every device and the server's old rows agree.
   * Without it, a member lacking an id is matched by its value.
   */
  readonly missingId?: (index: number, document: Readonly<Record<string, unknown>>) => string;
  /**
   * Fields that follow the array (an order's totals from its lines): recomputed from the merged array after every
   * merge, so neither side's stale copy survives. Only fields the document carries are written (a role that may not
   * read one receives documents without it).
   */
  readonly derive?: (
    merged: readonly unknown[],
    document: Readonly<Record<string, unknown>>,
  ) => Readonly<Record<string, unknown>>;
}

/** The merge rules of one collection: a rule per top-level field, and one for every field not listed. */
export interface MergeRules {
  readonly fields: Readonly<Record<string, FieldMergeRule>>;
  /** rule for fields not listed in `fields`; `latest` when omitted */
  readonly fallback?: FieldMergeRule;
}
