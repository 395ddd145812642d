// One push field per request. Each push field is written in its own transaction, so an operation carrying two
// (two collections, or one collection's push under two aliases) could store the first and refuse the second while
// saying "nothing was written". Such an operation is refused whole at validation, before anything runs; RxDB and
// the Syncline data layer always send one push per request.
import { GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** The top-level fields an operation's selection runs, fragments expanded, each as `alias: name` or `name`. */
function topLevelFields(selectionSet: SelectionSetNode, context: ValidationContext, seen = new Set<string>()) {
  const fields: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      fields.push(selection.alias ? `${selection.alias.value}: ${selection.name.value}` : selection.name.value);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fields.push(...topLevelFields(selection.selectionSet, context, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) fields.push(...topLevelFields(fragment.selectionSet, context, seen));
    }
  }
  return fields;
}

export const onePushPerOperation: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (operation.operation !== 'mutation') return;
    const fields = topLevelFields(operation.selectionSet, context);
    if (fields.length <= 1) return;
    context.reportError(
      new GraphQLError(
        `A push is one transaction, so send one push field per request: this one has ${fields.length} ` +
          `(${fields.join(', ')}). Nothing was written; send each in its own request.`,
        { nodes: operation, extensions: { code: 'ONE_PUSH_PER_REQUEST' } },
      ),
    );
  },
});

/** The rule as a Yoga plugin: it runs on HTTP and on graphql-ws operations alike. */
export function onePushPerOperationPlugin(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(onePushPerOperation);
    },
  };
}
