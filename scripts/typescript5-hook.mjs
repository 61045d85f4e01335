// openapi-typescript builds its output with the TypeScript 5 compiler API, which TypeScript 7 (the
// project's compiler) no longer has: its imports of "typescript" get the TypeScript 5 that
// package.json installs as "typescript5". Registered by scripts/openapi-types.ts.
export async function resolve(specifier, context, next) {
  if (specifier === 'typescript' && context.parentURL?.includes('/node_modules/openapi-typescript/')) return next('typescript5', context);
  return next(specifier, context);
}
