// pure-rand publishes its entry points only through package.json "exports", which this
// workspace's TypeScript resolution ("node") does not read; Node and Jest do. These are the two
// entry points the draw uses, typed as pure-rand 8.4.2 documents them.
declare module 'pure-rand/generator/xoroshiro128plus' {
  export interface RandomGenerator {
    clone(): RandomGenerator;
    next(): number;
  }
  export function xoroshiro128plus(seed: number): RandomGenerator;
}

declare module 'pure-rand/distribution/uniformInt' {
  import type { RandomGenerator } from 'pure-rand/generator/xoroshiro128plus';
  /** A uniformly distributed integer between `from` and `to`, both included; advances `rng`. */
  export function uniformInt(rng: RandomGenerator, from: number, to: number): number;
}
