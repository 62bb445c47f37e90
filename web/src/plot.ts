/** Observable Plot as its own lazily loaded chunk (named `plot` in the build). */
export * from '@observablehq/plot';
