// Module resolution hook: resolve workspace packages through their `source` export condition (TypeScript).
export function resolve(specifier, context, next) {
  return next(specifier, { ...context, conditions: [...context.conditions, 'source'] });
}
