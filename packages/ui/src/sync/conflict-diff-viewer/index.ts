export { ConflictDiffViewer, type ConflictDiffViewerProps, type ConflictResolution } from './conflict-diff-viewer';
export {
  buildResolvedDocument,
  type ConflictSummary,
  defaultIgnoredFields,
  diffDocuments,
  type FieldChange,
  type FieldChoice,
  type FieldDecision,
  type FieldDiff,
  type FieldLabels,
  fieldKey,
  fieldLabel,
  formatSummary,
  type JsonObject,
  type JsonValue,
  resolvedValue,
  summarize,
} from './conflict-model';
export { FieldValue, type FieldValueProps } from './field-value';
